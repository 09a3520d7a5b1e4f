import type { Where } from 'payload'

import { createLocalReq } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { auditServerFunctions, type scheduleAndRecordPublish } from '@collections/AuditLog/serverFunctions/scheduleAndRecordPublish'

import type { AuditLog } from '@/payload-types'

import { graphql, rest } from '../helpers/http'
import { STAFF_PASSWORD, useStaffPayload } from '../helpers/staff'

const { ctx, staff } = useStaffPayload()

let authorID: number

beforeAll(async () => {
  ctx.payload.logger.level = 'silent'
  authorID = (await ctx.payload.create({ collection: 'authors', data: { name: 'Mira Holt', slug: 'mira-holt' } })).id
})

/** The entries about one document, oldest first, read past access control. */
const entriesFor = async (collection: string, id: number | string, where: Where = {}): Promise<AuditLog[]> => {
  const { docs } = await ctx.payload.find({
    collection: 'audit-log',
    depth: 0,
    limit: 100,
    overrideAccess: true,
    sort: 'createdAt',
    where: { and: [{ collection: { equals: collection } }, { documentID: { equals: String(id) } }, where] },
  })
  return docs
}

const actions = (entries: AuditLog[]) => entries.map(({ action }) => action)

describe('audit-log: what is recorded', () => {
  it('records a create with who, which document and its title', async () => {
    const { body, status } = await rest('POST', '/tags', { body: { name: 'Harbour news' }, token: staff.editor.token })
    expect(status).toBe(201)
    const [entry, ...rest_] = await entriesFor('tags', body.doc.id)
    expect(rest_).toEqual([])
    expect(entry).toMatchObject({
      action: 'create',
      actor: staff.editor.user.id,
      actorLabel: `Test editor <editor@newsroom.test>`,
      changedFields: null,
      collection: 'tags',
      documentID: String(body.doc.id),
      documentTitle: 'Harbour news',
    })
    expect(Date.parse(entry.createdAt)).toBeGreaterThan(Date.now() - 60_000)
  })

  it('records an edit with the names of the fields it changed, and nothing for a write that changes nothing', async () => {
    const { body } = await rest('POST', '/tags', { body: { name: 'Ferries' }, token: staff.editor.token })
    const id = body.doc.id as number
    expect((await rest('PATCH', `/tags/${id}`, { body: { internal: true, name: 'Ferry lines' }, token: staff.editor.token })).status).toBe(200)
    expect((await rest('PATCH', `/tags/${id}`, { body: { name: 'Ferry lines' }, token: staff.editor.token })).status).toBe(200)
    const entries = await entriesFor('tags', id)
    expect(actions(entries)).toEqual(['create', 'update'])
    // Titled as the admin names the tag.
    expect(entries[1]).toMatchObject({ actor: staff.editor.user.id, documentTitle: 'Ferry lines (internal)' })
    expect([...(entries[1].changedFields as string[])].sort()).toEqual(['internal', 'name'])
  })

  it('records publish, a draft saved over the published story as an edit, unpublish, and who made each version', async () => {
    const { body } = await rest('POST', '/articles?draft=true', {
      body: { authors: [authorID], title: 'Night ferry returns' },
      token: staff.author.token,
    })
    const id = body.doc.id as number
    await rest('PATCH', `/articles/${id}`, { body: { _status: 'published' }, token: staff.editor.token })
    await rest('PATCH', `/articles/${id}?draft=true`, { body: { excerpt: 'Back on the timetable.' }, token: staff.author.token })
    await rest('PATCH', `/articles/${id}`, { body: { _status: 'draft' }, token: staff.editor.token })
    const entries = await entriesFor('articles', id)
    expect(entries.map(({ action, actor }) => [action, actor])).toEqual([
      ['create', staff.author.user.id],
      ['publish', staff.editor.user.id],
      ['update', staff.author.user.id],
      ['unpublish', staff.editor.user.id],
    ])
    expect(entries[2].changedFields).toEqual(['excerpt'])

    const { docs: versions } = await ctx.payload.findVersions({ collection: 'articles', depth: 0, sort: 'createdAt', where: { parent: { equals: id } } })
    expect(versions.map(({ version }) => version.updatedBy)).toEqual([
      staff.author.user.id,
      staff.editor.user.id,
      staff.author.user.id,
      staff.editor.user.id,
    ])
  })

  it('records creating a published story as a create and a publish', async () => {
    const { body } = await graphql(
      'mutation ($authors: [Int]) { createArticle(data: { title: "Bridge reopens", authors: $authors, _status: published }) { id } }',
      { authors: [authorID] },
      staff.editor.token,
    )
    expect(body.errors).toBeUndefined()
    expect(actions(await entriesFor('articles', body.data.createArticle.id))).toEqual(['create', 'publish'])
  })

  it('records a publication scheduled from the admin as the account that scheduled it', async () => {
    const article = await ctx.payload.create({ collection: 'articles', data: { authors: [authorID], title: 'Tide tables' }, draft: true })
    const waitUntil = new Date(Date.now() + 3_600_000)
    // The admin's Schedule drawer calls this server function, with the request of the signed-in user.
    const req = await createLocalReq({ user: staff.author.user }, ctx.payload)
    const answer = await auditServerFunctions['schedule-publish']({
      type: 'publish',
      date: waitUntil,
      doc: { relationTo: 'articles', value: String(article.id) },
      importMap: {},
      req,
    } as Parameters<typeof scheduleAndRecordPublish>[0])
    expect(answer).not.toHaveProperty('error')
    const { docs: jobs } = await ctx.payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'schedulePublish' } } })
    expect(jobs.map(({ input }) => (input as { doc?: { value: string } }).doc?.value)).toContain(String(article.id))
    const [, scheduled] = await entriesFor('articles', article.id)
    expect(scheduled).toMatchObject({
      action: 'schedule',
      actor: staff.author.user.id,
      actorLabel: 'Test author <author@newsroom.test>',
      detail: `publish at ${waitUntil.toISOString()}`,
      documentTitle: 'Tide tables',
    })
  })

  it('schedules a publication when the drawer\'s preselected "Unpublish" is sent for a story never published', async () => {
    const draft = await ctx.payload.create({ collection: 'articles', data: { authors: [authorID], title: 'Quay lights' }, draft: true })
    const published = await ctx.payload.create({ collection: 'articles', data: { _status: 'published', authors: [authorID], title: 'Quay bells' } })
    const waitUntil = new Date(Date.now() + 3_600_000)
    const req = await createLocalReq({ user: staff.editor.user }, ctx.payload)
    for (const { id } of [draft, published]) {
      const answer = await auditServerFunctions['schedule-publish']({
        type: 'unpublish',
        date: waitUntil,
        doc: { relationTo: 'articles', value: String(id) },
        importMap: {},
        req,
      } as Parameters<typeof scheduleAndRecordPublish>[0])
      expect(answer).not.toHaveProperty('error')
    }
    const { docs: jobs } = await ctx.payload.find({ collection: 'payload-jobs', limit: 100, where: { taskSlug: { equals: 'schedulePublish' } } })
    const typeFor = (id: number) => jobs.map(({ input }) => input as { doc?: { value: string }; type?: string }).find(({ doc }) => doc?.value === String(id))?.type
    // Unpublishing a draft would do nothing at the due time: the editor meant to publish it.
    expect([typeFor(draft.id), typeFor(published.id)]).toEqual(['publish', 'unpublish'])
    expect((await entriesFor('articles', draft.id)).at(-1)).toMatchObject({ action: 'schedule', detail: `publish at ${waitUntil.toISOString()}` })
  })

  it('records a deletion with the title the document had', async () => {
    const { body } = await rest('POST', '/tags', { body: { name: 'Lighthouses' }, token: staff.editor.token })
    expect((await rest('DELETE', `/tags/${body.doc.id}`, { token: staff.admin.token })).status).toBe(200)
    const entries = await entriesFor('tags', body.doc.id)
    expect(entries.map(({ action, actor, documentTitle }) => [action, actor, documentTitle])).toEqual([
      ['create', staff.editor.user.id, 'Lighthouses'],
      ['delete', staff.admin.user.id, 'Lighthouses'],
    ])
  })

  it('records a moderation decision as old → new, and a reader’s comment with no actor', async () => {
    const article = await ctx.payload.create({
      collection: 'articles',
      data: { _status: 'published', authors: [authorID], title: 'Harbour festival' },
    })
    const comment = await rest('POST', '/comments', {
      body: { article: article.id, authorEmail: 'reader@example.com', authorName: 'A reader', body: 'Lovely evening.' },
    })
    expect(comment.status).toBe(201)
    const id = comment.body.doc.id as number
    expect((await rest('PATCH', `/comments/${id}`, { body: { status: 'approved' }, token: staff.editor.token })).status).toBe(200)
    const entries = await entriesFor('comments', id)
    expect(entries.map(({ action, actor, actorLabel, detail }) => [action, actor, actorLabel, detail])).toEqual([
      ['create', null, null, null],
      ['moderation', staff.editor.user.id, 'Test editor <editor@newsroom.test>', 'pending → approved'],
    ])
  })

  it('records a role change as old → new, and an API key issued and revoked', async () => {
    const user = await ctx.payload.create({
      collection: 'users',
      data: { name: 'Key Holder', email: 'keys@newsroom.test', password: STAFF_PASSWORD, role: 'author' },
    })
    expect((await rest('PATCH', `/users/${user.id}`, { body: { role: 'editor' }, token: staff.admin.token })).status).toBe(200)
    expect((await rest('POST', `/users/${user.id}/api-key`, { body: {}, token: staff.admin.token })).status).toBe(201)
    expect((await rest('DELETE', `/users/${user.id}/api-key`, { token: staff.admin.token })).status).toBe(200)
    const entries = await entriesFor('users', user.id, { action: { not_equals: 'create' } })
    expect(entries.map(({ action, actor, changedFields, detail }) => [action, actor, changedFields, detail])).toEqual([
      ['role-change', staff.admin.user.id, null, 'author → editor'],
      ['api-key-change', staff.admin.user.id, null, 'issued'],
      ['api-key-change', staff.admin.user.id, null, 'revoked'],
    ])
  })

  it('records the failed login that locks an account, with no actor', async () => {
    const user = await ctx.payload.create({
      collection: 'users',
      data: { name: 'Locked Out', email: 'locked@newsroom.test', password: STAFF_PASSWORD, role: 'contributor' },
    })
    const login = () => rest('POST', '/users/login', { body: { email: 'locked@newsroom.test', password: 'wrong-password' } })
    expect((await login()).status).toBe(401)
    expect(await entriesFor('users', user.id, { action: { equals: 'login-lockout' } })).toEqual([])
    // One failure short of Payload's lockout (maxLoginAttempts 20), within the throttle's window.
    await ctx.payload.db.updateOne({ id: user.id, collection: 'users', data: { loginAttempts: 19 }, returning: false })
    expect((await login()).status).toBe(401)
    const [entry, ...more] = await entriesFor('users', user.id, { action: { equals: 'login-lockout' } })
    expect(more).toEqual([])
    expect(entry).toMatchObject({ actor: null, actorLabel: null, documentTitle: 'Locked Out' })
    expect(entry.detail).toMatch(/^locked until \d{4}-/)
  })

  it('keeps who acted after the account is deleted', async () => {
    const user = await ctx.payload.create({
      collection: 'users',
      data: { name: 'Leaving Editor', email: 'leaving@newsroom.test', password: STAFF_PASSWORD, role: 'editor' },
    })
    const { token } = await ctx.payload.login({ collection: 'users', data: { email: 'leaving@newsroom.test', password: STAFF_PASSWORD } })
    const { body, status } = await rest('POST', '/tags', { body: { name: 'Departures' }, token })
    expect(status, JSON.stringify(body)).toBe(201)
    await ctx.payload.delete({ id: user.id, collection: 'users' })
    // SQLite may give a deleted document's id to the next one: the title tells this tag's entry apart.
    const entries = await entriesFor('tags', body.doc.id, { documentTitle: { equals: 'Departures' } })
    expect(entries).toMatchObject([{ action: 'create', actor: null, actorLabel: 'Leaving Editor <leaving@newsroom.test>' }])
  })

  it('writes the entry in the write’s transaction: a write that fails leaves none', async () => {
    const before = (await ctx.payload.count({ collection: 'audit-log', overrideAccess: true })).totalDocs
    const { status } = await rest('POST', '/tags', { body: { name: 'Harbour news', slug: 'harbour-news' }, token: staff.editor.token })
    expect(status).toBe(400)
    expect((await ctx.payload.count({ collection: 'audit-log', overrideAccess: true })).totalDocs).toBe(before)
  })
})
