import { beforeAll, describe, expect, it } from 'vitest'

import { graphql, rest } from '../helpers/http'
import { useStaffPayload } from '../helpers/staff'

const { ctx, staff } = useStaffPayload()

let authorID: number

beforeAll(async () => {
  // The contributor's own byline, which they alone of the staff below author may sign with.
  authorID = (
    await ctx.payload.create({ collection: 'authors', data: { name: 'Mira Holm', slug: 'mira-holm', user: staff.contributor.user.id } })
  ).id
})

/** A story published by `role`, so that an author's own story is theirs to edit. */
const publishedStory = async (role: 'author' | 'editor' = 'editor'): Promise<{ id: number; updatedAt: string }> => {
  const { body, status } = await rest('POST', '/articles', {
    body: { _status: 'published', authors: [authorID], title: `Harbour report ${Math.random()}` },
    token: staff[role].token,
  })
  expect(status).toBe(201)
  return body.doc
}

const first = { date: '2026-12-01T09:00:00.000Z', text: 'An earlier version gave the wrong year for the harbour’s opening.' }
const second = { date: '2026-12-02T09:00:00.000Z', text: 'The harbour master’s name was misspelt.' }

const correct = (id: number, corrections: object[], role: keyof typeof staff = 'editor') =>
  rest('PATCH', `/articles/${id}`, { body: { corrections }, token: staff[role].token })

describe('articles: the corrections log', () => {
  it('lets an editor append corrections to a published story, public on REST and GraphQL, and moves updatedAt', async () => {
    const story = await publishedStory()
    const one = await correct(story.id, [first])
    expect(one.status).toBe(200)
    const stored = one.body.doc.corrections
    const two = await correct(story.id, [...stored, second])
    expect(two.status).toBe(200)
    expect(Date.parse(two.body.doc.updatedAt)).toBeGreaterThan(Date.parse(story.updatedAt))

    const publicREST = await rest('GET', `/articles/${story.id}`)
    expect(publicREST.body.corrections.map(({ date, text }: { date: string; text: string }) => ({ date, text }))).toEqual([first, second])
    const publicGraphQL = await graphql('query ($id: Int!) { Article(id: $id) { corrections { date text } } }', { id: story.id })
    expect(publicGraphQL.body.errors).toBeUndefined()
    expect(publicGraphQL.body.data.Article.corrections).toEqual([first, second])
  })

  it('refuses to change or remove an earlier correction, with a 400 naming the field, and keeps the log', async () => {
    const story = await publishedStory()
    const { body } = await correct(story.id, [first, second])
    const [kept, later] = body.doc.corrections
    for (const attempt of [[{ ...kept, text: 'Rewritten.' }, later], [later], []]) {
      const refused = await correct(story.id, attempt)
      expect(refused.status).toBe(400)
      expect(refused.body.errors[0].data.errors[0]).toMatchObject({ path: 'corrections' })
      expect(refused.body.errors[0].data.errors[0].message).toContain('earlier corrections cannot be changed or removed')
    }
    const stored = await ctx.payload.findByID({ collection: 'articles', id: story.id })
    expect(stored.corrections?.map(({ text }) => text)).toEqual([first.text, second.text])
  })

  it('refuses a correction from an author on their own story and from a contributor, instead of dropping it', async () => {
    const story = await publishedStory('author')
    const refused = await correct(story.id, [first], 'author')
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].data.errors[0].message).toContain('only editors and admins may add a correction')
    const draft = await rest('POST', '/articles?draft=true', {
      body: { authors: [authorID], corrections: [first], title: 'A contributor’s draft' },
      token: staff.contributor.token,
    })
    expect(draft.status).toBe(400)
    expect(draft.body.errors[0].data.errors[0]).toMatchObject({ path: 'corrections' })
    // Saving a story with its log unchanged is not a correction: the author may still edit their story.
    const edited = await rest('PATCH', `/articles/${story.id}`, { body: { excerpt: 'Updated dek.' }, token: staff.author.token })
    expect(edited.status).toBe(200)
  })

  it('refuses a correction on a story that has never been published', async () => {
    const { body } = await rest('POST', '/articles?draft=true', {
      body: { authors: [authorID], title: 'Unpublished harbour draft' },
      token: staff.editor.token,
    })
    const refused = await rest('PATCH', `/articles/${body.doc.id}?draft=true`, { body: { corrections: [first] }, token: staff.editor.token })
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].data.errors[0].message).toContain('never been published')
  })

  it('refuses a correction longer than 1,000 characters or without text', async () => {
    const story = await publishedStory()
    for (const entry of [{ text: 'x'.repeat(1001) }, { text: '' }]) {
      const refused = await correct(story.id, [entry])
      expect(refused.status).toBe(400)
      expect(refused.body.errors[0].data.errors[0].path).toMatch(/^corrections\.0\.text$/)
    }
  })
})
