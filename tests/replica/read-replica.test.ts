
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestContext } from '../helpers/bootPayload'
import { graphql, rest } from '../helpers/http'
import { useReplicatedPostgres } from '../helpers/postgresReplica'
import { createStaff, STAFF_PASSWORD, type Staff } from '../helpers/staff'

const servers = useReplicatedPostgres()

let ctx: TestContext
let staff: Staff
let authorID: number

beforeAll(async () => {
  // Read when the config is imported, by bootPayload.
  process.env.DATABASE_REPLICA_URLS = servers.replicaURL
  ctx = await bootPayload({ database: servers.database })
  staff = await createStaff(ctx.payload)
  authorID = (await ctx.payload.create({ collection: 'authors', data: { name: 'Mira Holt', slug: 'mira-holt' } })).id
  await servers.waitForReplica()
})
afterAll(async () => ctx?.shutdown())
// A failed test must not leave the next one a replica that applies nothing.
afterEach(async () => {
  await servers.resumeReplay?.()
  await servers.waitForReplica?.()
})

const publish = async (title: string): Promise<number> => {
  const { body, status } = await rest('POST', '/articles', {
    body: { _status: 'published', authors: [authorID], title },
    token: staff.editor.token,
  })
  // Replay is paused: a write sent to the (read-only) replica would fail.
  expect(status).toBe(201)
  return body.doc.id as number
}

/** The story's title by each public way of reading it, as the given reader sees it; null where it is not found. */
const titlesSeenBy = async (id: number, token?: string) => {
  const one = await rest('GET', `/articles/${id}`, { token })
  const list = await rest('GET', `/articles?where[id][equals]=${id}`, { token })
  const { body } = await graphql<{ Article: { title: string } | null; Articles: { docs: { title: string }[] } }>(
    'query ($id: Int!) { Article(id: $id) { title } Articles(where: { id: { equals: $id } }) { docs { title } } }',
    { id },
    token,
  )
  return {
    graphqlList: body.data?.Articles.docs[0]?.title ?? null,
    graphqlOne: body.data?.Article?.title ?? null,
    restList: list.body.docs[0]?.title ?? null,
    restOne: one.status === 200 ? (one.body.title as string) : null,
  }
}

const everywhere = (title: null | string) => ({ graphqlList: title, graphqlOne: title, restList: title, restOne: title })

describe('PostgreSQL with DATABASE_REPLICA_URLS', () => {
  it('serves anonymous reads from the replica: a story published while it is behind appears once it catches up', async () => {
    await servers.pauseReplay()
    const id = await publish('Harbour bridge reopens')
    expect(await titlesSeenBy(id)).toEqual(everywhere(null))

    await servers.resumeReplay()
    await servers.waitForReplica()
    expect(await titlesSeenBy(id)).toEqual(everywhere('Harbour bridge reopens'))
  })

  it('lets an editor read their own story and edit at once over REST and GraphQL, while the replica is behind', async () => {
    await servers.pauseReplay()
    const id = await publish('Ferry timetable changes')
    const edit = await rest('PATCH', `/articles/${id}`, { body: { title: 'Ferry timetable changes again' }, token: staff.editor.token })
    expect(edit.status).toBe(200)

    expect(await titlesSeenBy(id, staff.editor.token)).toEqual(everywhere('Ferry timetable changes again'))
    // The same moment, the public is still served by the replica.
    expect(await titlesSeenBy(id)).toEqual(everywhere(null))
  })

  it('reads through the Local API from the primary for a user, from the replica for no one', async () => {
    await servers.pauseReplay()
    const id = await publish('Lighthouse keeper retires')

    // As the admin panel reads: the editor's request, outside the API routes.
    const asEditor = { collection: 'articles', overrideAccess: false, user: staff.editor.user } as const
    expect((await ctx.payload.findByID({ ...asEditor, id })).title).toBe('Lighthouse keeper retires')
    expect((await ctx.payload.find({ ...asEditor, where: { id: { equals: id } } })).docs).toHaveLength(1)
    expect((await ctx.payload.find({ collection: 'articles', where: { id: { equals: id } } })).docs).toHaveLength(0)
  })

  it('reads Payload’s own bookkeeping from the primary, as an instance starting up reads the migrations', async () => {
    await servers.pauseReplay()
    await ctx.payload.create({ collection: 'payload-migrations', data: { name: '20990101_000000_recorded_elsewhere', batch: 99 } })
    const recorded = await ctx.payload.find({ collection: 'payload-migrations', where: { batch: { equals: 99 } } })
    expect(recorded.docs.map(({ name }) => name)).toEqual(['20990101_000000_recorded_elsewhere'])
  })

  it('lets an account created while the replica is behind log in, and authenticates it, at once', async () => {
    await servers.pauseReplay()
    const credentials = { email: 'new-reporter@newsroom.test', password: STAFF_PASSWORD }
    const created = await rest('POST', '/users', { body: { ...credentials, name: 'New Reporter', role: 'author' }, token: staff.admin.token })
    expect(created.status).toBe(201)

    // The login request carries no credentials: the account and its new session exist only on the primary.
    const login = await rest('POST', '/users/login', { body: credentials })
    expect(login.status).toBe(200)
    const me = await rest('GET', '/users/me', { token: login.body.token })
    expect(me.body.user?.email).toBe(credentials.email)
  })
})
