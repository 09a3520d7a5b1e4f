import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article } from '@/payload-types'

import { graphql, rest } from '../helpers/http'
import { startSMTPServer, type TestSMTPServer } from '../helpers/smtp'
import { type Staff, useStaffPayload } from '../helpers/staff'

let smtp: TestSMTPServer

beforeAll(async () => {
  smtp = await startSMTPServer()
  // Read when the config is first imported, by the boot below.
  Object.assign(process.env, smtp.env)
})
// Registered first, so it runs last: after Payload has shut down.
afterAll(async () => smtp?.close())
const { ctx, staff } = useStaffPayload()

/** The contributor's own byline, and one that belongs to no one in particular. */
let own: number
let other: number

beforeAll(async () => {
  own = (await ctx.payload.create({ collection: 'authors', data: { name: 'Cora Contributor', user: staff.contributor.user.id } })).id
  other = (await ctx.payload.create({ collection: 'authors', data: { name: 'Olaf Other' } })).id
})

type Role = keyof Staff
type Refusal = { message: string; path: string; status: number }

let stories = 0

/** A draft written by the contributor over REST, signed with their own byline. */
const contributorDraft = async (title = `Harbour draft ${++stories}`): Promise<Article> => {
  const { body, status } = await rest('POST', '/articles?draft=true', {
    body: { authors: [own], title },
    token: staff.contributor.token,
  })
  expect(status).toBe(201)
  return body.doc
}

const patch = (id: number, data: object, role: Role) => rest('PATCH', `/articles/${id}?draft=true`, { body: data, token: staff[role].token })

/** The latest draft, as the admin shows it: the review state of a draft lives in its latest version. */
const latest = (id: number) => ctx.payload.findByID({ collection: 'articles', draft: true, id })

const restRefusal = ({ body, status }: { body: any; status: number }): Refusal => ({
  message: String(body?.errors?.[0]?.data?.errors?.[0]?.message ?? ''),
  path: String(body?.errors?.[0]?.data?.errors?.[0]?.path ?? ''),
  status,
})

const UPDATE = `mutation ($id: Int!, $data: mutationArticleUpdateInput!) {
  updateArticle(id: $id, data: $data, draft: true) { id workflow reviewNote }
}`

const graphQLUpdate = (id: number, data: object, role: Role) => graphql(UPDATE, { data, id }, staff[role].token)

const graphQLRefusal = ({ body }: { body: any }): Refusal => {
  const error = body?.errors?.[0]
  return {
    message: String(error?.extensions?.data?.errors?.[0]?.message ?? ''),
    path: String(error?.extensions?.data?.errors?.[0]?.path ?? ''),
    status: Number(error?.extensions?.statusCode),
  }
}

const localUpdate = (id: number, data: Partial<Article>, role: Role) =>
  ctx.payload.update({ collection: 'articles', data, draft: true, id, overrideAccess: false, user: staff[role].user })

const localRefusal = async (run: () => Promise<unknown>): Promise<Refusal> => {
  try {
    await run()
  } catch (error) {
    const { data, status } = error as { data?: { errors?: { message: string; path: string }[] }; status?: number }
    return { message: data?.errors?.[0]?.message ?? '', path: data?.errors?.[0]?.path ?? '', status: status ?? 0 }
  }
  throw new Error('the Local API accepted what it should refuse')
}

/** Gives a mail that should not be sent the time it would have taken to arrive. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 500))

describe('articles: the review step', () => {
  it('lets a contributor submit their own draft over REST, and mails every editor and admin once', async () => {
    const story = await contributorDraft('Ferry strike: the timetable')
    const before = smtp.mails.length
    const { body, status } = await patch(story.id, { workflow: 'inReview' }, 'contributor')
    expect(status).toBe(200)
    expect(body.doc.workflow).toBe('inReview')
    expect((await latest(story.id)).workflow).toBe('inReview')
    const [mail] = (await smtp.mailsArrived(before + 1)).slice(before)
    expect(mail.to).toEqual([staff.admin.user.email, staff.editor.user.email].sort())
    expect(mail.subject).toBe('Ready for review: Ferry strike: the timetable')
    expect(mail.text).toContain(`${staff.contributor.user.name} submitted "Ferry strike: the timetable" for review.`)
    expect(mail.text).toContain(`http://localhost:3000/admin/collections/articles/${story.id}`)
    expect(mail.text).toContain('http://localhost:3000/admin/collections/articles?where[workflow][equals]=inReview')
    // Saving the story again while it waits is not a second submission.
    expect((await patch(story.id, { excerpt: 'A dek.' }, 'contributor')).status).toBe(200)
    await settle()
    expect(smtp.mails.length).toBe(before + 1)
  })

  it('lets a contributor submit over GraphQL and the Local API too, each mailing the editors', async () => {
    const viaGraphQL = await contributorDraft()
    const before = smtp.mails.length
    const answer = await graphQLUpdate(viaGraphQL.id, { workflow: 'inReview' }, 'contributor')
    expect(answer.body.errors).toBeUndefined()
    expect(answer.body.data.updateArticle.workflow).toBe('inReview')
    const viaLocal = await contributorDraft()
    expect((await localUpdate(viaLocal.id, { workflow: 'inReview' }, 'contributor')).workflow).toBe('inReview')
    const mails = (await smtp.mailsArrived(before + 2)).slice(before)
    expect(mails.map(({ subject }) => subject).sort()).toEqual([`Ready for review: ${viaGraphQL.title}`, `Ready for review: ${viaLocal.title}`].sort())
  })

  it('refuses a request for changes from contributors and authors on every surface, naming workflow and the rule', async () => {
    const story = await contributorDraft()
    await patch(story.id, { workflow: 'inReview' }, 'contributor')
    const rule = 'only editors and admins may request changes or take a story out of review.'
    const data = { reviewNote: 'Fix it.', workflow: 'changesRequested' as const }
    for (const refusal of [
      restRefusal(await patch(story.id, data, 'contributor')),
      graphQLRefusal(await graphQLUpdate(story.id, data, 'contributor')),
      await localRefusal(() => localUpdate(story.id, data, 'contributor')),
      restRefusal(await patch(story.id, { workflow: 'draft' }, 'contributor')),
    ]) {
      expect(refusal).toEqual({ message: rule, path: 'workflow', status: 400 })
    }
    // An author may edit every story of theirs but reviews none.
    const authors = await rest('POST', '/articles?draft=true', { body: { authors: [other], title: 'Author’s story' }, token: staff.author.token })
    await patch(authors.body.doc.id, { workflow: 'inReview' }, 'author')
    expect(restRefusal(await patch(authors.body.doc.id, data, 'author'))).toEqual({ message: rule, path: 'workflow', status: 400 })
    expect((await latest(story.id)).workflow).toBe('inReview')
  })

  it('lets an editor request changes only with a note (400 naming reviewNote), on every surface', async () => {
    const stories = await Promise.all([contributorDraft(), contributorDraft(), contributorDraft()])
    for (const { id } of stories) await patch(id, { workflow: 'inReview' }, 'contributor')
    const [viaREST, viaGraphQL, viaLocal] = stories.map(({ id }) => id)
    const noNote = 'say what should change: a note is required when requesting changes.'
    const missing = { path: 'reviewNote', message: noNote, status: 400 }
    expect(restRefusal(await patch(viaREST, { workflow: 'changesRequested' }, 'editor'))).toEqual(missing)
    expect(restRefusal(await patch(viaREST, { reviewNote: '  ', workflow: 'changesRequested' }, 'editor'))).toEqual(missing)
    expect(graphQLRefusal(await graphQLUpdate(viaGraphQL, { workflow: 'changesRequested' }, 'editor'))).toEqual(missing)
    expect(await localRefusal(() => localUpdate(viaLocal, { workflow: 'changesRequested' }, 'editor'))).toEqual(missing)

    const note = 'Name the source for the timetable.'
    expect((await patch(viaREST, { reviewNote: note, workflow: 'changesRequested' }, 'editor')).status).toBe(200)
    const graphQLAnswer = await graphQLUpdate(viaGraphQL, { reviewNote: note, workflow: 'changesRequested' }, 'admin')
    expect(graphQLAnswer.body.data.updateArticle).toMatchObject({ reviewNote: note, workflow: 'changesRequested' })
    expect(await localUpdate(viaLocal, { reviewNote: note, workflow: 'changesRequested' }, 'editor')).toMatchObject({ reviewNote: note })
    // The contributor reads the note, cannot rewrite it, and hands the story in again.
    const seen = await rest('GET', `/articles/${viaREST}?draft=true`, { token: staff.contributor.token })
    expect(seen.body).toMatchObject({ reviewNote: note, workflow: 'changesRequested' })
    expect((await patch(viaREST, { reviewNote: 'Never mind.' }, 'contributor')).status).toBe(200)
    expect((await latest(viaREST)).reviewNote).toBe(note)
    const before = smtp.mails.length
    expect((await patch(viaREST, { workflow: 'inReview' }, 'contributor')).body.doc.workflow).toBe('inReview')
    await smtp.mailsArrived(before + 1)
  })

  it('refuses moves that skip the review, naming workflow and the rule', async () => {
    const story = await contributorDraft()
    expect(restRefusal(await patch(story.id, { reviewNote: 'Too early.', workflow: 'changesRequested' }, 'editor'))).toEqual({
      message: 'changes are requested on a story in review.',
      path: 'workflow',
      status: 400,
    })
    expect(restRefusal(await patch(story.id, { workflow: 'published-ish' }, 'editor'))).toMatchObject({ path: 'workflow', status: 400 })
    expect((await latest(story.id)).workflow).toBe('draft')
  })

  it('closes the review when an editor publishes: back to draft, the note cleared', async () => {
    const story = await contributorDraft()
    await patch(story.id, { workflow: 'inReview' }, 'contributor')
    await patch(story.id, { reviewNote: 'Shorter, please.', workflow: 'changesRequested' }, 'editor')
    await patch(story.id, { workflow: 'inReview' }, 'contributor')
    const { body, status } = await rest('PATCH', `/articles/${story.id}`, { body: { _status: 'published' }, token: staff.editor.token })
    expect(status).toBe(200)
    expect(body.doc).toMatchObject({ _status: 'published', reviewNote: null, workflow: 'draft' })
    const stored = await ctx.payload.findByID({ collection: 'articles', id: story.id })
    expect(stored).toMatchObject({ _status: 'published', reviewNote: null, workflow: 'draft' })
    // The contributor still cannot publish, in review or not.
    const other = await contributorDraft()
    await patch(other.id, { workflow: 'inReview' }, 'contributor')
    expect((await rest('PATCH', `/articles/${other.id}`, { body: { _status: 'published' }, token: staff.contributor.token })).status).toBe(403)
  })

  it('shows the review state to staff only: the public reads neither field on REST or GraphQL', async () => {
    const story = await contributorDraft()
    await rest('PATCH', `/articles/${story.id}`, { body: { _status: 'published' }, token: staff.editor.token })
    const staffRead = await rest('GET', `/articles/${story.id}`, { token: staff.contributor.token })
    expect(staffRead.body.workflow).toBe('draft')
    const publicRead = await rest('GET', `/articles/${story.id}`)
    expect(publicRead.status).toBe(200)
    expect(publicRead.body).not.toHaveProperty('workflow')
    expect(publicRead.body).not.toHaveProperty('reviewNote')
    const query = 'query ($id: Int!) { Article(id: $id) { title workflow reviewNote } }'
    const publicGraphQL = await graphql(query, { id: story.id })
    expect(publicGraphQL.body.data.Article).toEqual({ reviewNote: null, title: story.title, workflow: null })
    expect((await graphql(query, { id: story.id }, staff.author.token)).body.data.Article.workflow).toBe('draft')
    // Nor may the public filter on them, which would tell which stories are in review.
    const filtered = await rest('GET', '/articles?where[workflow][equals]=draft')
    expect(filtered.status).toBe(400)
    expect(JSON.stringify(filtered.body)).toContain('workflow')
  })

  it('notifies no one for trusted system writes (seed, imports)', async () => {
    const seeded = await ctx.payload.create({
      collection: 'articles',
      data: { authors: [own], title: 'Seeded for review', workflow: 'inReview' },
      draft: true,
    })
    expect(seeded.workflow).toBe('inReview')
    await settle()
    expect(smtp.mails.filter(({ subject }) => subject.includes('Seeded for review'))).toEqual([])
  })
})

describe('articles: bylines', () => {
  const refusal = {
    message: 'a contributor may put only their own byline (the author profile linked to their account) on a story.',
    path: 'authors',
    status: 400,
  }

  it('refuses a contributor someone else’s byline on every surface, with a 400 naming authors', async () => {
    const data = { authors: [other], title: 'Signed by someone else' }
    expect(restRefusal(await rest('POST', '/articles?draft=true', { body: data, token: staff.contributor.token }))).toEqual(refusal)
    const create = await graphql(
      'mutation ($data: mutationArticleInput!) { createArticle(data: $data, draft: true) { id } }',
      { data },
      staff.contributor.token,
    )
    expect(graphQLRefusal(create)).toEqual(refusal)
    expect(
      await localRefusal(() =>
        ctx.payload.create({ collection: 'articles', data, draft: true, overrideAccess: false, user: staff.contributor.user }),
      ),
    ).toEqual(refusal)
    const story = await contributorDraft()
    expect(restRefusal(await patch(story.id, { authors: [own, other] }, 'contributor'))).toEqual(refusal)
    expect(graphQLRefusal(await graphQLUpdate(story.id, { authors: [other] }, 'contributor'))).toEqual(refusal)
    expect((await latest(story.id)).authors).toEqual([expect.objectContaining({ id: own })])
  })

  it('lets editors and authors sign with any byline, and a contributor keep a co-byline an editor added', async () => {
    const story = await contributorDraft()
    expect((await patch(story.id, { authors: [own, other] }, 'editor')).status).toBe(200)
    const edited = await patch(story.id, { authors: [own, other], excerpt: 'Now with a co-byline.' }, 'contributor')
    expect(edited.status).toBe(200)
    expect(edited.body.doc.authors.map(({ id }: { id: number }) => id)).toEqual([own, other])
    const byAuthor = await rest('POST', '/articles?draft=true', { body: { authors: [own, other], title: 'By the author' }, token: staff.author.token })
    expect(byAuthor.status).toBe(201)
  })
})
