import { beforeAll, describe, expect, it } from 'vitest'

import { graphql, rest } from '../helpers/http'
import { useStaffPayload } from '../helpers/staff'

const { ctx, staff } = useStaffPayload()

let authorID: number

beforeAll(async () => {
  // The contributor's own byline, which they alone of the staff below author may sign with.
  authorID = (
    await ctx.payload.create({ collection: 'authors', data: { name: 'Ivo Petrov', slug: 'ivo-petrov', user: staff.contributor.user.id } })
  ).id
})

const stored = (id: number) => ctx.payload.findByID({ collection: 'articles', draft: true, id })

describe('articles: slug, publishedAt and createdBy', () => {
  it('derives the slug from the title when a client sends none', async () => {
    const { body, status } = await rest('POST', '/articles?draft=true', {
      body: { authors: [authorID], title: 'Port of Nakhodka expands' },
      token: staff.author.token,
    })
    expect(status).toBe(201)
    expect(body.doc.slug).toBe('port-of-nakhodka-expands')
  })

  it('creates documents over GraphQL from a title or name alone', async () => {
    const tag = await graphql('mutation { createTag(data: { name: "Port Cities" }) { id slug } }', {}, staff.editor.token)
    expect(tag.body.errors).toBeUndefined()
    expect(tag.body.data.createTag.slug).toBe('port-cities')
    const article = await graphql(
      'mutation ($authors: [Int]) { createArticle(data: { title: "Dock strike called off", authors: $authors }, draft: true) { slug } }',
      { authors: [authorID] },
      staff.editor.token,
    )
    expect(article.body.errors).toBeUndefined()
    expect(article.body.data.createArticle.slug).toBe('dock-strike-called-off')
  })

  it('follows the headline while a story is a draft, then keeps the slug stable once published', async () => {
    const { body } = await rest('POST', '/articles?draft=true', {
      body: { authors: [authorID], title: 'Storm warning issued' },
      token: staff.editor.token,
    })
    const id = body.doc.id as number
    await rest('PATCH', `/articles/${id}?draft=true`, { body: { title: 'Typhoon warning issued' }, token: staff.editor.token })
    expect((await stored(id)).slug).toBe('typhoon-warning-issued')

    await rest('PATCH', `/articles/${id}`, { body: { _status: 'published' }, token: staff.editor.token })
    await rest('PATCH', `/articles/${id}`, { body: { title: 'Typhoon makes landfall' }, token: staff.editor.token })
    const published = await stored(id)
    expect(published.title).toBe('Typhoon makes landfall')
    expect(published.slug).toBe('typhoon-warning-issued')
  })

  it('keeps a slug an editor typed, and lets an editor change a published slug on purpose', async () => {
    const { body } = await rest('POST', '/articles', {
      body: { _status: 'published', authors: [authorID], slug: 'custom-slug', title: 'Council budget vote' },
      token: staff.editor.token,
    })
    expect(body.doc.slug).toBe('custom-slug')
    await rest('PATCH', `/articles/${body.doc.id}`, { body: { slug: 'council-budget' }, token: staff.editor.token })
    expect((await stored(body.doc.id)).slug).toBe('council-budget')
  })

  it('rejects a duplicate slug with a 400 that names the field', async () => {
    const first = await rest('POST', '/articles', {
      body: { _status: 'published', authors: [authorID], title: 'Same headline' },
      token: staff.editor.token,
    })
    expect(first.status).toBe(201)
    const second = await rest('POST', '/articles', {
      body: { _status: 'published', authors: [authorID], title: 'Same headline' },
      token: staff.editor.token,
    })
    expect(second.status).toBe(400)
    expect(JSON.stringify(second.body)).toMatch(/slug/i)
  })

  it('stamps publishedAt on first publication only, and keeps a date set by hand', async () => {
    const { body } = await rest('POST', '/articles?draft=true', {
      body: { authors: [authorID], title: 'Fishing quotas cut' },
      token: staff.author.token,
    })
    const id = body.doc.id as number
    expect((await stored(id)).publishedAt).toBeFalsy()

    await rest('PATCH', `/articles/${id}`, { body: { _status: 'published' }, token: staff.author.token })
    const firstPublishedAt = (await stored(id)).publishedAt
    expect(Date.parse(firstPublishedAt!)).toBeGreaterThan(Date.now() - 60_000)

    await rest('PATCH', `/articles/${id}`, { body: { _status: 'draft' }, token: staff.author.token })
    await rest('PATCH', `/articles/${id}`, { body: { _status: 'published' }, token: staff.author.token })
    expect((await stored(id)).publishedAt).toBe(firstPublishedAt)

    const backdated = await rest('POST', '/articles', {
      body: { _status: 'published', authors: [authorID], publishedAt: '2020-01-02T03:04:05.000Z', title: 'From the archive' },
      token: staff.editor.token,
    })
    expect(backdated.body.doc.publishedAt).toBe('2020-01-02T03:04:05.000Z')
  })

  it('records who created a story, whatever the client claims', async () => {
    const { body } = await rest('POST', '/articles?draft=true', {
      body: { authors: [authorID], createdBy: staff.admin.user.id, title: 'Ferry strike ends' },
      token: staff.contributor.token,
    })
    expect(body.doc.createdBy.id).toBe(staff.contributor.user.id)
    await rest('PATCH', `/articles/${body.doc.id}?draft=true`, {
      body: { createdBy: staff.admin.user.id },
      token: staff.contributor.token,
    })
    const { createdBy } = await stored(body.doc.id)
    expect(typeof createdBy === 'object' ? createdBy?.id : createdBy).toBe(staff.contributor.user.id)
  })

  it('does not let a contributor set publishedAt (it marks "ever published")', async () => {
    const { body } = await rest('POST', '/articles?draft=true', {
      body: { authors: [authorID], publishedAt: '2021-05-05T00:00:00.000Z', title: 'Bridge tolls rise' },
      token: staff.contributor.token,
    })
    expect(body.doc.publishedAt).toBeFalsy()
  })
})

describe('users: roles on sign-up', () => {
  it('made the first account an admin and gives later accounts the contributor role', async () => {
    expect(staff.admin.user.role).toBe('admin')
    const { body, status } = await rest('POST', '/users', {
      body: { name: 'New Hire', email: 'new-hire@newsroom.test', password: 'new-hire-password' },
      token: staff.admin.token,
    })
    expect(status).toBe(201)
    expect(body.doc.role).toBe('contributor')
  })

  it('ignores a role an editor tries to give a new account (only admins assign roles)', async () => {
    const { status } = await rest('POST', '/users', {
      body: { name: 'Sneaky', email: 'sneaky@newsroom.test', password: 'sneaky-password', role: 'admin' },
      token: staff.editor.token,
    })
    expect(status).toBe(403)
    expect((await ctx.payload.count({ collection: 'users', where: { email: { equals: 'sneaky@newsroom.test' } } })).totalDocs).toBe(0)
  })
})
