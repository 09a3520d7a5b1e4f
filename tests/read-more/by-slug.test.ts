import { beforeAll, describe, expect, it } from 'vitest'
import sharp from 'sharp'

import { graphql, rest } from '../helpers/http'
import { useStaffPayload } from '../helpers/staff'

const { ctx, staff } = useStaffPayload()

let story: { id: number; slug: string }

beforeAll(async () => {
  const { payload } = ctx
  const author = await payload.create({ collection: 'authors', data: { name: 'Noor Haddad', slug: 'noor-haddad' } })
  const tag = await payload.create({ collection: 'tags', data: { name: 'Tides', slug: 'tides' } })
  const publish = (title: string, extra: object = {}) =>
    payload.create({ collection: 'articles', data: { _status: 'published', authors: [author.id], tags: [tag.id], title, ...extra } })
  await publish('Spring tide floods the quay')
  const created = await publish('Tide tables revised', {
    readMore: [{ title: 'Tide predictions', type: 'external', url: 'https://example.org/tides' }],
  })
  story = { id: created.id, slug: created.slug! }
  await payload.create({ collection: 'articles', data: { _status: 'draft', authors: [author.id], slug: 'tide-draft', title: 'Tide draft' } })
})

const QUERY = 'query ($id: Int, $slug: String) { ReadMore(collection: "articles", id: $id, slug: $slug) { kind source title collection id slug url } }'

describe('read-more: by slug, typed ids and enums', () => {
  it('answers GET /api/articles/read-more?slug=… as the by-id route does', async () => {
    const byID = await rest('GET', `/articles/${story.id}/read-more`)
    const bySlug = await rest('GET', `/articles/read-more?slug=${story.slug}`)
    expect(bySlug.status).toBe(200)
    expect(bySlug.body).toEqual(byID.body)
    expect(bySlug.body.links.map(({ source }: { source: string }) => source)).toEqual(['curated', 'auto'])
    expect((await rest('GET', `/articles/read-more?slug=${story.slug}&limit=1`)).body.links).toHaveLength(1)
  })

  it('answers 404 for a slug the reader may not read, and 400 naming slug when it is missing', async () => {
    expect((await rest('GET', '/articles/read-more?slug=tide-draft')).status).toBe(404)
    // Staff may read drafts, by id as by slug.
    expect((await rest('GET', '/articles/read-more?slug=tide-draft', { token: staff.editor.token })).status).toBe(200)
    expect((await rest('GET', '/articles/read-more?slug=no-such-story')).status).toBe(404)
    const missing = await rest('GET', '/articles/read-more')
    expect(missing.status).toBe(400)
    expect(missing.body.errors[0].data.errors[0]).toMatchObject({ path: 'slug' })
  })

  it('takes the id as an Int or the slug over GraphQL, with enums for kind and source', async () => {
    const byID = await graphql(QUERY, { id: story.id })
    expect(byID.body.errors).toBeUndefined()
    const bySlug = await graphql(QUERY, { slug: story.slug })
    expect(bySlug.body.data).toEqual(byID.body.data)
    const [curated, auto] = byID.body.data.ReadMore
    expect(curated).toMatchObject({ kind: 'external', source: 'curated', url: 'https://example.org/tides' })
    expect(auto).toMatchObject({ collection: 'articles', id: expect.any(Number), kind: 'internal', source: 'auto' })

    const schema = await graphql('{ kind: __type(name: "ReadMoreLinkKind") { kind enumValues { name } } source: __type(name: "ReadMoreLinkSource") { enumValues { name } } }')
    expect(schema.body.data.kind).toEqual({ enumValues: [{ name: 'external' }, { name: 'internal' }], kind: 'ENUM' })
    expect(schema.body.data.source.enumValues.map(({ name }: { name: string }) => name).sort()).toEqual(['auto', 'curated'])
  })

  it('refuses both or neither of id and slug, naming id', async () => {
    for (const variables of [{}, { id: story.id, slug: story.slug }]) {
      const { body } = await graphql(QUERY, variables)
      expect(body.errors?.[0]).toMatchObject({ extensions: { statusCode: 400 }, message: 'The following field is invalid: id' })
    }
  })
})

describe('read-more: populated targets are lean', () => {
  it('populates a story linked from another (and a comment’s story) without its body', async () => {
    const { payload } = ctx
    const target = await payload.find({ collection: 'articles', limit: 1, where: { slug: { equals: 'spring-tide-floods-the-quay' } } })
    const linking = await payload.create({
      collection: 'articles',
      data: {
        _status: 'published',
        authors: target.docs[0].authors,
        readMore: [{ doc: { relationTo: 'articles', value: target.docs[0].id }, type: 'internal' }],
        title: 'Harbour wall repaired',
      },
    })
    const { body } = await rest('GET', `/articles/${linking.id}?depth=1`)
    const populated = body.readMore[0].doc.value
    expect(Object.keys(populated).sort()).toEqual(['_status', 'excerpt', 'heroImage', 'id', 'publishedAt', 'slug', 'title'].filter((key) => key in populated).sort())
    expect(populated).toMatchObject({ id: target.docs[0].id, slug: 'spring-tide-floods-the-quay', title: 'Spring tide floods the quay' })
    expect(populated).not.toHaveProperty('content')
    // A story read on its own still has everything.
    expect((await rest('GET', `/articles/${target.docs[0].id}`)).body).toHaveProperty('content')
  })
})

describe('read-more: links a frontend can render as cards', () => {
  it('carries the target’s card image, date, excerpt and the strongest shared public topic', async () => {
    const { payload } = ctx
    const photo = await sharp({ create: { background: '#246', channels: 3, height: 600, width: 1200 } }).png().toBuffer()
    const image = await payload.create({
      collection: 'media',
      data: { alt: 'The quay at high water' },
      file: { data: photo, mimetype: 'image/png', name: `card-${Date.now()}.png`, size: photo.length },
    })
    const author = await payload.create({ collection: 'authors', data: { name: 'Card Byline', slug: 'card-byline' } })
    const common = await payload.create({ collection: 'tags', data: { name: 'Coast', slug: 'coast' } })
    const rare = await payload.create({ collection: 'tags', data: { name: 'Sea walls', slug: 'sea-walls' } })
    const secret = await payload.create({ collection: 'tags', data: { internal: true, name: 'Legal review', slug: 'legal-review' } })
    const publish = (title: string, tags: number[], extra: object = {}) =>
      payload.create({ collection: 'articles', data: { _status: 'published', authors: [author.id], tags, title, ...extra } })
    for (let index = 0; index < 3; index++) await publish(`Coast story ${index}`, [common.id])
    const target = await publish('Sea wall raised by a metre', [common.id, rare.id, secret.id], {
      excerpt: 'Engineers finished the work a month early.',
      heroImage: image.id,
    })
    const source = await publish('Storm surge warning', [common.id, rare.id, secret.id], {
      readMore: [{ doc: { relationTo: 'articles', value: target.id }, type: 'internal' }],
    })
    const { body } = await rest('GET', `/articles/${source.id}/read-more?limit=1`)
    expect(body.links[0]).toEqual({
      collection: 'articles',
      context: { name: 'Sea walls', slug: 'sea-walls' },
      excerpt: 'Engineers finished the work a month early.',
      id: target.id,
      image: { alt: 'The quay at high water', height: 384, url: image.sizes!.card!.url, width: 768 },
      kind: 'internal',
      publishedAt: target.publishedAt,
      slug: 'sea-wall-raised-by-a-metre',
      source: 'curated',
      title: 'Sea wall raised by a metre',
    })
    const { body: gql } = await graphql(
      'query ($id: Int!) { ReadMore(collection: "articles", id: $id, limit: 1) { context { name slug } excerpt publishedAt image { url width height alt } } }',
      { id: source.id },
    )
    expect(gql.data.ReadMore[0]).toEqual({
      context: body.links[0].context,
      excerpt: body.links[0].excerpt,
      image: body.links[0].image,
      publishedAt: body.links[0].publishedAt,
    })
  })
})
