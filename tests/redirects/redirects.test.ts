import { beforeAll, describe, expect, it } from 'vitest'

import { resolveSlug } from '@collections/Redirects/utilities/resolveSlug'

import { graphql, rest } from '../helpers/http'
import { useStaffPayload } from '../helpers/staff'

const { ctx, staff } = useStaffPayload()

let authorID: number

beforeAll(async () => {
  ctx.payload.logger.level = 'silent'
  authorID = (await ctx.payload.create({ collection: 'authors', data: { name: 'Lena Ortiz', slug: 'lena-ortiz', user: staff.author.user.id } })).id
})

type Collection = 'articles' | 'authors' | 'tags'

/** The documented lookup, anonymously or with a staff token. */
const lookup = (collection: Collection, slug: string, token?: string) =>
  rest('GET', `/${collection}/redirect?slug=${encodeURIComponent(slug)}`, { token })

const expectLeadsTo = async (collection: Collection, from: string, id: number, slug: string, token?: string) => {
  const { body, status } = await lookup(collection, from, token)
  expect(status, `${collection}/${from}`).toBe(200)
  expect(body).toEqual({ collection, id, slug })
}

const expectNowhere = async (collection: Collection, from: string, token?: string) => {
  const { body, status } = await lookup(collection, from, token)
  expect(status, `${collection}/${from}`).toBe(404)
  expect(body.errors[0].message).toContain(from)
  expect(JSON.stringify(body)).not.toMatch(/"id"/)
}

/** The old slugs recorded for one document, read as trusted system work. */
const recordedFor = async (collection: Collection, id: number) =>
  (
    await ctx.payload.find({ collection: 'redirects', depth: 0, limit: 100, where: { to: { equals: { relationTo: collection, value: id } } } })
  ).docs
    .map((record) => record.from)
    .sort()

const publish = async (title: string, slug: string) =>
  (
    await rest('POST', '/articles', {
      body: { _status: 'published', authors: [authorID], slug, title },
      token: staff.editor.token,
    })
  ).body.doc as { id: number; slug: string }

const patchArticle = async (id: number, body: Record<string, unknown>, { draft = false, token = staff.editor.token } = {}) =>
  rest('PATCH', `/articles/${id}${draft ? '?draft=true' : ''}`, { body, token })

describe('redirects: stories', () => {
  it('answers an old slug of a published story with its current one, where a slug filter finds nothing', async () => {
    const story = await publish('Harbour cranes return', 'harbour-cranes')
    expect((await patchArticle(story.id, { slug: 'harbour-cranes-return' })).status).toBe(200)

    const byFilter = await rest('GET', '/articles?where[slug][equals]=harbour-cranes')
    expect(byFilter.body.docs).toEqual([])
    await expectLeadsTo('articles', 'harbour-cranes', story.id, 'harbour-cranes-return')
    await expectLeadsTo('articles', 'harbour-cranes', story.id, 'harbour-cranes-return', staff.contributor.token)
    // The current slug resolves to itself, so a frontend may ask about any slug.
    await expectLeadsTo('articles', 'harbour-cranes-return', story.id, 'harbour-cranes-return')
    expect(await recordedFor('articles', story.id)).toEqual(['harbour-cranes'])
  })

  it('collapses chains: A→B then B→C sends A to C directly', async () => {
    const story = await publish('Ferry timetable', 'ferry-a')
    await patchArticle(story.id, { slug: 'ferry-b' })
    await patchArticle(story.id, { slug: 'ferry-c' })
    await expectLeadsTo('articles', 'ferry-a', story.id, 'ferry-c')
    await expectLeadsTo('articles', 'ferry-b', story.id, 'ferry-c')
    expect(await recordedFor('articles', story.id)).toEqual(['ferry-a', 'ferry-b'])
  })

  it('makes no loop: renaming back to an old slug removes its redirect', async () => {
    const story = await publish('Bridge repairs', 'bridge-a')
    await patchArticle(story.id, { slug: 'bridge-b' })
    await patchArticle(story.id, { slug: 'bridge-a' })
    expect(await recordedFor('articles', story.id)).toEqual(['bridge-b'])
    await expectLeadsTo('articles', 'bridge-a', story.id, 'bridge-a')
    await expectLeadsTo('articles', 'bridge-b', story.id, 'bridge-a')
  })

  it('lets a live story take an old slug: the live one wins, and the redirect is gone once it is published', async () => {
    const first = await publish('Tram line opens', 'tram-line')
    await patchArticle(first.id, { slug: 'tram-line-opens' })

    // A draft that takes the slug is no one's page yet: readers still follow the redirect, staff see the draft.
    const { body } = await rest('POST', '/articles?draft=true', {
      body: { authors: [authorID], slug: 'tram-line', title: 'Tram line, a year on' },
      token: staff.editor.token,
    })
    const second = body.doc as { id: number }
    await expectLeadsTo('articles', 'tram-line', first.id, 'tram-line-opens')
    await expectLeadsTo('articles', 'tram-line', second.id, 'tram-line', staff.editor.token)

    await patchArticle(second.id, { _status: 'published' })
    await expectLeadsTo('articles', 'tram-line', second.id, 'tram-line')
    expect(await recordedFor('articles', first.id)).toEqual([])
  })

  it('removes a story’s redirects when it is deleted', async () => {
    const story = await publish('Lighthouse sold', 'lighthouse-a')
    await patchArticle(story.id, { slug: 'lighthouse-b' })
    expect(await recordedFor('articles', story.id)).toEqual(['lighthouse-a'])
    expect((await rest('DELETE', `/articles/${story.id}`, { token: staff.editor.token })).status).toBe(200)
    expect((await ctx.payload.find({ collection: 'redirects', where: { from: { equals: 'lighthouse-a' } } })).totalDocs).toBe(0)
    await expectNowhere('articles', 'lighthouse-a')
    await expectNowhere('articles', 'lighthouse-a', staff.editor.token)
  })

  it('reveals no unpublished story: the public gets a 404, staff the story', async () => {
    const story = await publish('Mayor resigns', 'mayor-a')
    await patchArticle(story.id, { slug: 'mayor-b' })
    await patchArticle(story.id, { _status: 'draft' })
    await expectNowhere('articles', 'mayor-a')
    await expectNowhere('articles', 'mayor-b')
    await expectLeadsTo('articles', 'mayor-a', story.id, 'mayor-b', staff.editor.token)
    // Published again, the old slug leads to it again.
    await patchArticle(story.id, { _status: 'published' })
    await expectLeadsTo('articles', 'mayor-a', story.id, 'mayor-b')
  })

  it('never records the slugs of a story that was never published', async () => {
    const { body } = await rest('POST', '/articles?draft=true', {
      body: { authors: [authorID], slug: 'secret-draft-one', title: 'Secret merger' },
      token: staff.editor.token,
    })
    const id = body.doc.id as number
    await patchArticle(id, { slug: 'secret-draft-two' }, { draft: true })
    await patchArticle(id, { slug: 'secret-draft-three' })
    await patchArticle(id, { _status: 'published', slug: 'merger-announced' })
    expect(await recordedFor('articles', id)).toEqual([])
    for (const slug of ['secret-draft-one', 'secret-draft-two', 'secret-draft-three']) {
      await expectNowhere('articles', slug)
      await expectNowhere('articles', slug, staff.admin.token)
    }
  })

  it('records the published slug, never a newer draft’s, when a draft over a published story changes it', async () => {
    const story = await publish('Port strike', 'port-strike')
    await patchArticle(story.id, { slug: 'port-strike-draft-slug' }, { draft: true })
    // Until the draft is published, the public page keeps its slug and the draft's leads nowhere.
    await expectLeadsTo('articles', 'port-strike', story.id, 'port-strike')
    await expectNowhere('articles', 'port-strike-draft-slug')
    await expectNowhere('articles', 'port-strike-draft-slug', staff.editor.token)

    await patchArticle(story.id, { _status: 'published', slug: 'port-strike-ends' })
    expect(await recordedFor('articles', story.id)).toEqual(['port-strike'])
    await expectLeadsTo('articles', 'port-strike', story.id, 'port-strike-ends')
    await expectNowhere('articles', 'port-strike-draft-slug')
  })

  it('keeps the slug the public reads in a lookup while a newer draft holds another', async () => {
    const story = await publish('Airport expansion', 'airport-a')
    await patchArticle(story.id, { slug: 'airport-b' })
    await patchArticle(story.id, { slug: 'airport-draft' }, { draft: true })
    await expectLeadsTo('articles', 'airport-a', story.id, 'airport-b')
    const { body } = await lookup('articles', 'airport-a')
    expect(JSON.stringify(body)).not.toContain('airport-draft')
  })

  it('records the slug Payload’s generateSlug switch replaces, and the one it makes', async () => {
    const story = await publish('Ferry fares rise', 'ferry-fares')
    const { body } = await patchArticle(story.id, { generateSlug: true, title: 'Ferry fares rise again' })
    expect(body.doc.slug).toBe('ferry-fares-rise-again')
    await expectLeadsTo('articles', 'ferry-fares', story.id, 'ferry-fares-rise-again')
    await patchArticle(story.id, { generateSlug: false, slug: 'ferry-fares-2027' })
    expect(await recordedFor('articles', story.id)).toEqual(['ferry-fares', 'ferry-fares-rise-again'])
  })

  it('lets only editors and admins change a published story’s slug; authors get a 400 naming slug', async () => {
    const { body } = await rest('POST', '/articles', {
      body: { _status: 'published', authors: [authorID], slug: 'authors-own', title: 'An author’s own story' },
      token: staff.author.token,
    })
    const id = body.doc.id as number
    for (const draft of [false, true]) {
      const refused = await patchArticle(id, { slug: 'authors-own-renamed' }, { draft, token: staff.author.token })
      expect(refused.status).toBe(400)
      expect(refused.body.errors[0].data.errors[0].path).toBe('slug')
    }
    // The author still edits the rest of the story.
    expect((await patchArticle(id, { title: 'An author’s own story, updated' }, { token: staff.author.token })).status).toBe(200)
    expect((await patchArticle(id, { slug: 'authors-own-renamed' }, { token: staff.admin.token })).status).toBe(200)
    await expectLeadsTo('articles', 'authors-own', id, 'authors-own-renamed')
  })

  it('keeps the published slug out of every answer and every filter', async () => {
    const story = await publish('Dockers vote', 'dockers-vote')
    const read = await rest('GET', `/articles/${story.id}`, { token: staff.admin.token })
    expect(read.body).not.toHaveProperty('publishedSlug')
    const filtered = await rest('GET', '/articles?where[publishedSlug][equals]=dockers-vote')
    expect(filtered.status).toBe(400)
    const written = await patchArticle(story.id, { publishedSlug: 'forged' }, { token: staff.admin.token })
    expect(written.status).toBe(200)
    expect(await recordedFor('articles', story.id)).toEqual([])
  })
})

describe('redirects: tags and authors', () => {
  it('answers a tag’s and an author’s old slugs', async () => {
    const tag = await ctx.payload.create({ collection: 'tags', data: { name: 'Shipping', slug: 'shipping' }, overrideAccess: false, user: staff.editor.user })
    await ctx.payload.update({ collection: 'tags', data: { slug: 'shipping-news' }, id: tag.id, overrideAccess: false, user: staff.editor.user })
    await expectLeadsTo('tags', 'shipping', tag.id, 'shipping-news')

    // A contributor renames their own byline.
    const author = await ctx.payload.create({ collection: 'authors', data: { name: 'Ana Brandt', slug: 'ana-b', user: staff.contributor.user.id } })
    const renamed = await rest('PATCH', `/authors/${author.id}`, { body: { slug: 'ana-brandt' }, token: staff.contributor.token })
    expect(renamed.status).toBe(200)
    await expectLeadsTo('authors', 'ana-b', author.id, 'ana-brandt')

    await rest('DELETE', `/authors/${author.id}`, { token: staff.editor.token })
    await expectNowhere('authors', 'ana-b')
  })

  it('reveals no internal tag, and never records the slug of one', async () => {
    const tag = await ctx.payload.create({ collection: 'tags', data: { name: 'Elections', slug: 'elections' } })
    await rest('PATCH', `/tags/${tag.id}`, { body: { internal: true, slug: 'elections-desk' }, token: staff.editor.token })
    await expectNowhere('tags', 'elections')
    await expectLeadsTo('tags', 'elections', tag.id, 'elections-desk', staff.editor.token)

    const internal = await ctx.payload.create({ collection: 'tags', data: { internal: true, name: 'Night desk', slug: 'night-desk' } })
    await rest('PATCH', `/tags/${internal.id}`, { body: { slug: 'overnight-desk' }, token: staff.editor.token })
    await rest('PATCH', `/tags/${internal.id}`, { body: { internal: false }, token: staff.editor.token })
    expect(await recordedFor('tags', internal.id)).toEqual([])
    await expectNowhere('tags', 'night-desk')
    await expectNowhere('tags', 'night-desk', staff.editor.token)
    await expectLeadsTo('tags', 'overnight-desk', internal.id, 'overnight-desk')
  })

  it('keeps old slugs per collection: a tag’s old slug is not a story’s', async () => {
    const tag = await ctx.payload.create({ collection: 'tags', data: { name: 'Weather', slug: 'weather' } })
    await ctx.payload.update({ collection: 'tags', data: { slug: 'weather-desk' }, id: tag.id })
    await expectNowhere('articles', 'weather')
    await expectLeadsTo('tags', 'weather', tag.id, 'weather-desk')
  })
})

describe('redirects: the lookup and the records', () => {
  it('asks for a slug (400 naming it) and answers an unknown one with 404', async () => {
    const missing = await rest('GET', '/articles/redirect')
    expect(missing.status).toBe(400)
    expect(JSON.stringify(missing.body)).toContain('slug')
    await expectNowhere('articles', 'no-such-story')
  })

  it('resolves over GraphQL (ResolveSlug) with the reader’s access, null where REST answers 404', async () => {
    const story = await publish('Quay widened', 'quay-a')
    await patchArticle(story.id, { slug: 'quay-b' })
    const query = 'query ($slug: String!) { ResolveSlug(collection: articles, slug: $slug) { collection id slug } }'
    const anonymous = await graphql(query, { slug: 'quay-a' })
    expect(anonymous.body.data?.ResolveSlug).toEqual({ collection: 'articles', id: story.id, slug: 'quay-b' })
    await patchArticle(story.id, { _status: 'draft' })
    expect((await graphql(query, { slug: 'quay-a' })).body.data?.ResolveSlug).toBeNull()
    expect((await graphql(query, { slug: 'quay-a' }, staff.author.token)).body.data?.ResolveSlug).toEqual({ collection: 'articles', id: story.id, slug: 'quay-b' })
  })

  it('resolves over the Local API with the reader’s access', async () => {
    const story = await publish('Canal reopens', 'canal-a')
    await patchArticle(story.id, { slug: 'canal-b' })
    await patchArticle(story.id, { _status: 'draft' })
    const args = { collection: 'articles', payload: ctx.payload, slug: 'canal-a' } as const
    expect(await resolveSlug({ ...args, user: null })).toBeNull()
    expect(await resolveSlug({ ...args, user: staff.contributor.user })).toEqual({ collection: 'articles', id: story.id, slug: 'canal-b' })
    const found = await ctx.payload.find({ collection: 'articles', overrideAccess: false, user: staff.editor.user, where: { slug: { equals: 'canal-a' } } })
    expect(found.docs).toEqual([])
  })

  it('lets no one write the records through the API, admins only delete them, and the public read none', async () => {
    const story = await publish('Record keeping', 'records-a')
    await patchArticle(story.id, { slug: 'records-b' })
    const [record] = (await ctx.payload.find({ collection: 'redirects', where: { from: { equals: 'records-a' } } })).docs

    expect((await rest('GET', '/redirects')).status).toBe(403)
    expect((await rest('GET', `/redirects/${record.id}`)).status).toBe(403)
    const anonymousGraphQL = await graphql('{ Redirects { docs { from } } }')
    expect(anonymousGraphQL.body.data?.Redirects ?? null).toBeNull()
    await expect(ctx.payload.find({ collection: 'redirects', overrideAccess: false, user: null })).rejects.toThrow()

    const read = await rest('GET', '/redirects?where[from][equals]=records-a', { token: staff.contributor.token })
    expect(read.status).toBe(200)
    expect(read.body.docs.map((doc: { from: string }) => doc.from)).toEqual(['records-a'])

    const to = { relationTo: 'articles', value: story.id }
    for (const role of ['editor', 'admin'] as const) {
      const { token } = staff[role]
      expect((await rest('POST', '/redirects', { body: { from: 'forged', to }, token })).status).toBe(403)
      expect((await rest('PATCH', `/redirects/${record.id}`, { body: { from: 'forged' }, token })).status).toBe(403)
    }
    expect((await rest('DELETE', `/redirects/${record.id}`, { token: staff.editor.token })).status).toBe(403)
    expect((await rest('DELETE', `/redirects/${record.id}`, { token: staff.admin.token })).status).toBe(200)
    await expectNowhere('articles', 'records-a')
  })
})
