import type { ArrayField, FilterOptions, Payload, RelationshipField } from 'payload'

import { createLocalReq } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article, Author, Tag } from '@/payload-types'

import { getReadMoreLinks, type ReadMoreLink } from '@plugins/read-more'

import { bootPayload, type TestContext } from '../helpers/bootPayload'
import { graphql, rest } from '../helpers/http'
import { createStaff, type Staff } from '../helpers/staff'

const DEPTHS = [0, 1, 2, 3] as const
const DRAFT_TITLE = 'SECRET-DRAFT-TARGET'

type Fixtures = {
  byline: Author
  draftTarget: Article
  internalTag: Tag
  krai: Tag
  pubTarget: Article
  solo: Tag
  source: Article
}

let ctx: TestContext
let staff: Staff
let fx: Fixtures

const linkQuery = `query($collection: String!, $id: Int!, $limit: Int) {
  ReadMore(collection: $collection, id: $id, limit: $limit) { kind source title collection id slug url }
}`

const EMPTY_CARD = { context: null, excerpt: null, image: null, publishedAt: null }

/** What a link list looks like in a failure message: `source:collection:id` or `source:url`. */
type LooseLink = { collection?: null | string; id?: null | number | string; source: string; url?: null | string }
const summary = (links: LooseLink[]) =>
  links.map((link) => ('url' in link && link.url ? `${link.source}:${link.url}` : `${link.source}:${link.collection}:${link.id}`))

const createArticle = async (payload: Payload, data: Partial<Article>, status: 'draft' | 'published' = 'published') =>
  payload.create({
    collection: 'articles',
    data: { _status: status, authors: [fx.byline.id], ...data } as Article,
    draft: status === 'draft',
    user: staff.editor.user,
  })

/** Every id a `readMore` value holds, whether stored as `{ relationTo, value: id }` or populated. */
const linkedIDs = (rows: unknown): string[] =>
  ((rows as { doc?: { relationTo: string; value: unknown } | null }[] | null) ?? []).flatMap((row) => {
    const value = row.doc?.value
    const id = value && typeof value === 'object' ? (value as { id: unknown }).id : value
    return row.doc ? [`${row.doc.relationTo}:${String(id)}`] : []
  })

beforeAll(async () => {
  ctx = await bootPayload()
  staff = await createStaff(ctx.payload)
  const { payload } = ctx
  const byline = await payload.create({ collection: 'authors', data: { name: 'Curated Byline', slug: 'curated-byline' } })
  fx = { byline } as Fixtures
  fx.solo = await payload.create({ collection: 'tags', data: { name: 'Only here', slug: 'only-here' } })
  fx.krai = await payload.create({ collection: 'tags', data: { name: 'Primorsky Krai', slug: 'primorsky-krai' } })
  fx.internalTag = await payload.create({ collection: 'tags', data: { name: 'Desk notes', internal: true, slug: 'desk-notes' } })
  fx.pubTarget = await createArticle(payload, { slug: 'published-target', title: 'Published target' })
  fx.draftTarget = await createArticle(payload, { slug: 'secret-draft-target', title: DRAFT_TITLE }, 'draft')
  // Its only topic is its own, so every link it shows is a curated one.
  fx.source = await createArticle(payload, {
    readMore: [
      { type: 'external', title: 'The regional archive', url: 'https://archive.example.org/krai' },
      { type: 'internal', doc: { relationTo: 'tags', value: fx.krai.id } },
      { type: 'internal', doc: { relationTo: 'articles', value: fx.draftTarget.id } },
      { type: 'internal', doc: { relationTo: 'articles', value: fx.pubTarget.id } },
    ],
    slug: 'curated-source',
    tags: [fx.solo.id],
    title: 'Curated source',
  })
})
afterAll(async () => ctx?.shutdown())

const publicCurated = () => [
  'curated:https://archive.example.org/krai',
  `curated:tags:${fx.krai.id}`,
  `curated:articles:${fx.pubTarget.id}`,
]
const staffCurated = () => [
  'curated:https://archive.example.org/krai',
  `curated:tags:${fx.krai.id}`,
  `curated:articles:${fx.draftTarget.id}`,
  `curated:articles:${fx.pubTarget.id}`,
]

describe('read-more curated links', () => {
  it('returns curated links in the editor’s order with titles and slugs, over REST', async () => {
    const { body, status } = await rest('GET', `/articles/${fx.source.id}/read-more`)
    expect(status).toBe(200)
    expect(body).toEqual({
      links: [
        { kind: 'external', source: 'curated', title: 'The regional archive', url: 'https://archive.example.org/krai' },
        // A tag has no date, excerpt or image, and shares no topic with the story: its card is empty.
        { collection: 'tags', id: fx.krai.id, kind: 'internal', slug: 'primorsky-krai', source: 'curated', title: 'Primorsky Krai', ...EMPTY_CARD },
        {
          collection: 'articles',
          id: fx.pubTarget.id,
          kind: 'internal',
          slug: 'published-target',
          source: 'curated',
          title: 'Published target',
          ...EMPTY_CARD,
          publishedAt: fx.pubTarget.publishedAt,
        },
      ],
    })
  })

  it('skips a draft target for the public everywhere, and shows it to staff', async () => {
    const rest0 = await rest('GET', `/articles/${fx.source.id}/read-more`)
    const restStaff = await rest('GET', `/articles/${fx.source.id}/read-more`, { token: staff.contributor.token })
    expect(summary(rest0.body.links)).toEqual(publicCurated())
    expect(summary(restStaff.body.links)).toEqual(staffCurated())
    expect(JSON.stringify(rest0.body)).not.toContain(DRAFT_TITLE)

    const vars = { collection: 'articles', id: fx.source.id }
    const gql = await graphql<{ ReadMore: ReadMoreLink[] }>(linkQuery, vars)
    const gqlStaff = await graphql<{ ReadMore: ReadMoreLink[] }>(linkQuery, vars, staff.editor.token)
    expect(summary(gql.body.data!.ReadMore)).toEqual(publicCurated())
    expect(summary(gqlStaff.body.data!.ReadMore)).toEqual(staffCurated())
    expect(gql.body.data!.ReadMore[2]).toMatchObject({ collection: 'articles', id: fx.pubTarget.id, url: null })

    const local = await getReadMoreLinks({ id: fx.source.id, collection: 'articles', payload: ctx.payload })
    const localStaff = await getReadMoreLinks({ id: fx.source.id, collection: 'articles', payload: ctx.payload, user: staff.author.user })
    expect(summary(local)).toEqual(publicCurated())
    expect(summary(localStaff)).toEqual(staffCurated())
  })

  it('never shows the public the draft’s id in the article’s own readMore field, at any depth', async () => {
    const hidden = `articles:${fx.draftTarget.id}`
    const visible = [`tags:${fx.krai.id}`, `articles:${fx.pubTarget.id}`]
    for (const depth of DEPTHS) {
      const one = await rest('GET', `/articles/${fx.source.id}?depth=${depth}`)
      const list = await rest('GET', `/articles?depth=${depth}&where[slug][equals]=curated-source`)
      const local = await ctx.payload.findByID({ collection: 'articles', depth, id: fx.source.id, overrideAccess: false })
      const staffView = await rest('GET', `/articles/${fx.source.id}?depth=${depth}`, { token: staff.editor.token })
      expect(linkedIDs(one.body.readMore), `REST depth ${depth}`).toEqual(visible)
      expect(linkedIDs(list.body.docs[0].readMore), `REST list depth ${depth}`).toEqual(visible)
      expect(linkedIDs(local.readMore), `Local API depth ${depth}`).toEqual(visible)
      expect(linkedIDs(staffView.body.readMore), `staff depth ${depth}`).toContain(hidden)
      for (const body of [one.body, list.body, local]) expect(JSON.stringify(body)).not.toContain(DRAFT_TITLE)
    }
    expect(one(await rest('GET', `/articles/${fx.source.id}?depth=0`)).readMore[0]).toMatchObject({ type: 'external', url: 'https://archive.example.org/krai' })

    const nested = `readMore { type url title doc { relationTo value {
      ... on Article { id title readMore { doc { value { ... on Article { id title } ... on Tag { id name } } } } }
      ... on Tag { id name } } } }`
    for (const token of [undefined, staff.editor.token]) {
      const { body } = await graphql<{ Article: { readMore: unknown } }>(`query($id: Int!) { Article(id: $id) { id ${nested} } }`, { id: fx.source.id }, token)
      expect(body.errors).toBeUndefined()
      const ids = linkedIDs(body.data!.Article.readMore)
      if (token) expect(ids).toContain(hidden)
      else {
        expect(ids).toEqual(visible)
        expect(JSON.stringify(body)).not.toContain(DRAFT_TITLE)
      }
    }
  })

  it('drops a linked document at once when it is unpublished or deleted', async () => {
    const { payload } = ctx
    const extra = await payload.create({ collection: 'tags', data: { name: 'Short-lived', slug: 'short-lived' } })
    const extraStory = await createArticle(payload, { slug: 'short-lived-story', title: 'Short-lived story' })
    const [external, ...internal] = fx.source.readMore ?? []
    await payload.update({
      collection: 'articles',
      data: {
        readMore: [
          ...internal,
          { type: 'internal', doc: { relationTo: 'tags', value: extra.id } },
          { type: 'internal', doc: { relationTo: 'articles', value: extraStory.id } },
        ],
      },
      id: fx.source.id,
      user: staff.editor.user,
    })
    const links = async (token?: string) => summary((await rest('GET', `/articles/${fx.source.id}/read-more?limit=10`, { token })).body.links)
    const krai = `curated:tags:${fx.krai.id}`
    const pub = `curated:articles:${fx.pubTarget.id}`
    expect(await links()).toEqual([krai, pub, `curated:tags:${extra.id}`, `curated:articles:${extraStory.id}`])

    await rest('PATCH', `/articles/${fx.pubTarget.id}`, { body: { _status: 'draft' }, token: staff.editor.token })
    expect(await links()).toEqual([krai, `curated:tags:${extra.id}`, `curated:articles:${extraStory.id}`])
    expect(linkedIDs((await rest('GET', `/articles/${fx.source.id}?depth=1`)).body.readMore)).not.toContain(`articles:${fx.pubTarget.id}`)

    // Deleting a linked tag or article takes the link with it (no foreign key stops the delete).
    expect((await rest('DELETE', `/tags/${extra.id}`, { token: staff.editor.token })).status).toBe(200)
    expect((await rest('DELETE', `/articles/${extraStory.id}`, { token: staff.editor.token })).status).toBe(200)
    for (const token of [undefined, staff.editor.token]) {
      expect(await links(token)).toEqual(token ? [krai, `curated:articles:${fx.draftTarget.id}`, pub] : [krai])
      const doc = await rest('GET', `/articles/${fx.source.id}?depth=0`, { token })
      expect(linkedIDs(doc.body.readMore)).not.toContain(`tags:${extra.id}`)
      expect(linkedIDs(doc.body.readMore)).not.toContain(`articles:${extraStory.id}`)
    }

    await rest('PATCH', `/articles/${fx.pubTarget.id}`, { body: { _status: 'published' }, token: staff.editor.token })
    await payload.update({ collection: 'articles', data: { readMore: [external, ...internal] }, id: fx.source.id })
    expect(summary((await rest('GET', `/articles/${fx.source.id}/read-more`)).body.links)).toEqual(publicCurated())
  })

  it('answers 404 for a draft or missing document, as Payload does, and lets staff see a draft’s links', async () => {
    const notFound = { errors: [{ message: 'Not Found' }] }
    for (const path of [`/articles/${fx.draftTarget.id}/read-more`, '/articles/999999/read-more', '/articles/abc/read-more']) {
      const { body, status } = await rest('GET', path)
      expect([path, status, body]).toEqual([path, 404, notFound])
    }
    expect((await rest('GET', `/articles/${fx.draftTarget.id}/read-more`, { token: staff.contributor.token })).status).toBe(200)

    const gql = await graphql(linkQuery, { collection: 'articles', id: fx.draftTarget.id })
    expect(gql.body.data ?? null).toBeNull()
    expect(gql.body.errors?.[0]).toMatchObject({ extensions: { statusCode: 404 }, message: 'Not Found' })
    await expect(getReadMoreLinks({ id: fx.draftTarget.id, collection: 'articles', payload: ctx.payload })).rejects.toMatchObject({
      status: 404,
    })
  })

  it('validates limit: default maxLinks, whole numbers of at least 1, capped at 20', async () => {
    expect((await rest('GET', `/articles/${fx.source.id}/read-more?limit=2`)).body.links).toHaveLength(2)
    expect((await rest('GET', `/articles/${fx.source.id}/read-more?limit=50`)).status).toBe(200)
    for (const limit of ['0', '-3', 'abc', '2.5']) {
      const { body, status } = await rest('GET', `/articles/${fx.source.id}/read-more?limit=${limit}`)
      expect(status, limit).toBe(400)
      expect(body.errors[0].message).toBe('The following field is invalid: limit')
      expect(body.errors[0].data.errors[0]).toMatchObject({ path: 'limit' })
    }
    const gql = await graphql(linkQuery, { collection: 'articles', id: fx.source.id, limit: 0 })
    expect(gql.body.errors?.[0]).toMatchObject({ extensions: { statusCode: 400 }, message: 'The following field is invalid: limit' })
    const unknown = await graphql(linkQuery, { collection: 'authors', id: 1 })
    expect(unknown.body.errors?.[0]).toMatchObject({ extensions: { statusCode: 400 }, message: 'The following field is invalid: collection' })
  })
})

describe('read-more curated link validation', () => {
  const patch = (readMore: unknown[], token = staff.editor.token) =>
    rest('PATCH', `/articles/${fx.source.id}`, { body: { readMore }, token })

  const errorsOf = (body: { errors: { data?: { errors?: { message: string; path: string }[] } }[] }) =>
    body.errors.flatMap((error) => error.data?.errors ?? []).map(({ message, path }) => `${path}: ${message}`)

  it('refuses an internal tag, naming the row and the rule', async () => {
    const { body, status } = await patch([{ type: 'internal', doc: { relationTo: 'tags', value: fx.internalTag.id } }])
    expect(status).toBe(400)
    expect(errorsOf(body)).toEqual(['readMore.0.doc: This tag is not visible to the public, so it cannot be a "Read more" link.'])
    await expect(
      ctx.payload.update({
        collection: 'articles',
        data: { readMore: [{ type: 'internal', doc: { relationTo: 'tags', value: fx.internalTag.id } }] },
        id: fx.source.id,
      }),
    ).rejects.toMatchObject({ status: 400 })
  })

  it('refuses a link to the document itself, the same target twice and a javascript: address', async () => {
    const self = await patch([{ type: 'internal', doc: { relationTo: 'articles', value: fx.source.id } }])
    expect(errorsOf(self.body)).toContain('readMore.0.doc: A document cannot link to itself.')
    const twice = await patch([
      { type: 'internal', doc: { relationTo: 'tags', value: fx.krai.id } },
      { type: 'external', title: 'Elsewhere', url: 'https://example.org/a' },
      { type: 'internal', doc: { relationTo: 'tags', value: fx.krai.id } },
    ])
    expect(errorsOf(twice.body)).toEqual(['readMore: Rows 1 and 3 link to the same document: keep one.'])
    const sameURL = await patch([
      { type: 'external', title: 'A', url: 'https://example.org' },
      { type: 'external', title: 'B', url: 'https://example.org/' },
    ])
    expect(errorsOf(sameURL.body)).toEqual(['readMore: Rows 1 and 2 link to the same address: keep one.'])
    for (const url of ['javascript:alert(document.cookie)', 'data:text/html,<script>1</script>', '/relative/path', 'ftp://example.org']) {
      const { body, status } = await patch([{ type: 'external', title: 'Bad', url }])
      expect(status, url).toBe(400)
      expect(errorsOf(body), url).toEqual(['readMore.0.url: Must be an absolute http:// or https:// address.'])
    }
    const titleless = await patch([{ type: 'external', url: 'https://example.org' }])
    expect(errorsOf(titleless.body)).toEqual(['readMore.0.title: This field is required.'])
  })

  it('refuses more rows than maxLinks, unknown targets and collections outside relationTo, as 400s', async () => {
    const rows = Array.from({ length: 6 }, (_, i) => ({ type: 'external', title: `Link ${i}`, url: `https://example.org/${i}` }))
    const many = await patch(rows)
    expect(many.status).toBe(400)
    expect(errorsOf(many.body)).toEqual([expect.stringMatching(/^readMore: .*5/)])
    const missing = await patch([{ type: 'internal', doc: { relationTo: 'articles', value: 987654 } }])
    expect([missing.status, errorsOf(missing.body)]).toEqual([400, ['readMore.0.doc: There is no article with the id 987654.']])
    const outside = await patch([{ type: 'internal', doc: { relationTo: 'authors', value: fx.byline.id } }])
    expect(outside.status).toBe(400)
    expect(errorsOf(outside.body)[0]).toMatch(/^readMore\.0\.doc: Must be \{ "relationTo": one of articles, tags/)
    const empty = await patch([{ type: 'internal' }])
    expect(errorsOf(empty.body)).toEqual(['readMore.0.doc: Choose the document to link to.'])
    // Nothing was saved by the refused writes.
    expect(summary((await rest('GET', `/articles/${fx.source.id}/read-more`)).body.links)).toEqual(publicCurated())
  })

  it('accepts a draft target (it shows once published) and keeps only the fields of each row’s type', async () => {
    const { body, status } = await patch([
      { type: 'internal', doc: { relationTo: 'articles', value: fx.draftTarget.id }, title: 'stale', url: 'https://stale.example' },
      { type: 'external', doc: { relationTo: 'tags', value: fx.krai.id }, title: 'Kept', url: 'https://example.org/kept' },
    ])
    expect(status).toBe(200)
    const rows = (await ctx.payload.findByID({ collection: 'articles', depth: 0, id: fx.source.id })).readMore!
    expect(rows.map(({ doc, title, type, url }) => ({ doc: doc ?? null, title: title ?? null, type, url: url ?? null }))).toEqual([
      { doc: { relationTo: 'articles', value: fx.draftTarget.id }, title: null, type: 'internal', url: null },
      { doc: null, title: 'Kept', type: 'external', url: 'https://example.org/kept' },
    ])
    expect(body.doc.readMore).toHaveLength(2)
    await ctx.payload.update({ collection: 'articles', data: { readMore: fx.source.readMore }, id: fx.source.id })
  })

  it('offers in the admin picker only what saving accepts: never the document itself, no internal tag', async () => {
    const { payload } = ctx
    const articles = ctx.config.collections.find(({ slug }) => slug === 'articles')!
    const readMore = articles.fields.find((field) => 'name' in field && field.name === 'readMore') as ArrayField
    const doc = readMore.fields.find((field) => 'name' in field && field.name === 'doc') as RelationshipField
    const filter = doc.filterOptions as Extract<FilterOptions, (...args: never[]) => unknown>
    const req = await createLocalReq({ user: staff.editor.user }, payload)
    const offered = async (relationTo: 'articles' | 'tags', id?: number) => {
      const where = await filter({ id: id as number, blockData: {}, data: {}, relationTo, req, siblingData: {}, user: req.user! })
      if (where === false) return []
      const { docs } = await payload.find({ collection: relationTo, pagination: false, where: where === true ? {} : where })
      return docs.map((found) => found.id)
    }
    const tags = await offered('tags', fx.source.id)
    expect(tags).toContain(fx.krai.id)
    expect(tags).not.toContain(fx.internalTag.id)
    const whenEditing = await offered('articles', fx.source.id)
    expect(whenEditing).not.toContain(fx.source.id)
    expect(whenEditing).toEqual(expect.arrayContaining([fx.draftTarget.id, fx.pubTarget.id]))
    // On create the document has no id yet: nothing is left out, and nothing throws.
    expect(await offered('articles')).toContain(fx.source.id)
  })
})

const one = <T>(response: { body: T }): T => response.body
