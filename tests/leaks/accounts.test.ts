import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '@/payload-types'

import { bootPayload, type TestContext } from '../helpers/bootPayload'
import { createLeakFinder, type LeakRules } from '../helpers/findLeaks'
import { graphql, rest } from '../helpers/http'
import { createStaff, type Staff, STAFF_PASSWORD } from '../helpers/staff'

let ctx: TestContext
let staff: Staff
let findLeaks: ReturnType<typeof createLeakFinder>
let anonymousRules: LeakRules

const storedRole = async (id: number): Promise<User['role']> =>
  (await ctx.payload.findByID({ collection: 'users', depth: 0, id })).role

const userCount = async (): Promise<number> => (await ctx.payload.count({ collection: 'users' })).totalDocs

beforeAll(async () => {
  ctx = await bootPayload()
  staff = await createStaff(ctx.payload)
  findLeaks = createLeakFinder(ctx.config)
  const { docs: users } = await ctx.payload.find({ collection: 'users', depth: 0, pagination: false })
  anonymousRules = {
    ids: { users: users.map((user) => user.id) },
    keys: ['apiKey', 'email', 'hash', 'role', 'salt', 'sessions', 'token'],
    strings: ['@newsroom.test', 'Test admin', 'Test editor', 'Test author', 'Test contributor'],
  }
})
afterAll(async () => ctx?.shutdown())

describe('users', () => {
  it('shows anonymous REST readers no account, email or role', async () => {
    const ids = Object.values(staff).map(({ user }) => user.id)
    const paths = [
      '/users',
      '/users?depth=3&limit=100',
      '/users?where[email][like]=newsroom',
      '/users?where[role][equals]=admin',
      '/users/count',
      ...ids.map((id) => `/users/${id}?depth=1`),
    ]
    const problems: string[] = []
    for (const path of paths) {
      const { body, status } = await rest('GET', path)
      if (status !== 403 && status !== 404) problems.push(`GET ${path}: status ${status}`)
      problems.push(...findLeaks(body, 'users', anonymousRules).map((problem) => `GET ${path} ${problem}`))
    }
    expect(problems).toEqual([])
  })

  it('answers /users/me for anonymous readers with { user: null } and nothing else about anyone', async () => {
    const { body, status } = await rest('GET', '/users/me')
    expect(status).toBe(200)
    expect(body.user).toBeNull()
    expect(body.token).toBeUndefined()
    expect(body.exp).toBeUndefined()
    expect(findLeaks(body, 'users', anonymousRules)).toEqual([])
    const me = await graphql('{ meUser { user { id email role name } token exp } }')
    expect(me.body.data?.meUser?.user ?? null).toBeNull()
    expect(me.body.data?.meUser?.token ?? null).toBeNull()
  })

  it('shows anonymous GraphQL readers no account, email or role', async () => {
    const problems: string[] = []
    const queries = [
      '{ Users(limit: 100) { totalDocs docs { id email role name } } }',
      '{ countUsers { totalDocs } }',
      '{ Users(where: { role: { equals: admin } }) { totalDocs } }',
      ...Object.values(staff).map(({ user }) => `{ User(id: ${user.id}) { id email role name } }`),
    ]
    for (const query of queries) {
      const { body } = await graphql(query)
      if (!body.errors?.length) problems.push(`${query}: answered without an error`)
      problems.push(...findLeaks(body, 'users', anonymousRules).map((problem) => `${query} ${problem}`))
    }
    expect(problems).toEqual([])
  })

  it('refuses the Local API without a user any account', async () => {
    await expect(ctx.payload.find({ collection: 'users', overrideAccess: false })).rejects.toMatchObject({ status: 403 })
    await expect(
      ctx.payload.findByID({ collection: 'users', id: staff.admin.user.id, overrideAccess: false }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it('lets an admin change a role (the role field is writable at all)', async () => {
    const user = await ctx.payload.create({
      collection: 'users',
      data: { name: 'Promoted', email: 'promoted@newsroom.test', password: STAFF_PASSWORD, role: 'contributor' },
    })
    const { status } = await rest('PATCH', `/users/${user.id}`, { body: { role: 'editor' }, token: staff.admin.token })
    expect(status).toBe(200)
    expect(await storedRole(user.id)).toBe('editor')
  })
})

// The account collections come from the config: one added later is checked without a new test.
describe('every account collection in the config', () => {
  it('shows anonymous REST readers no account of any, by list, count or id', async () => {
    const slugs = ctx.config.collections.filter(({ auth }) => Boolean(auth)).map(({ slug }) => slug)
    expect(slugs).toContain('users')
    const problems: string[] = []
    for (const slug of slugs) {
      const { docs } = await ctx.payload.find({ collection: slug, depth: 0, pagination: false })
      const rules: LeakRules = { ...anonymousRules, ids: { ...anonymousRules.ids, [slug]: docs.map(({ id }) => id) } }
      const paths = [`/${slug}`, `/${slug}?depth=3&limit=100`, `/${slug}/count`, ...docs.map(({ id }) => `/${slug}/${id}?depth=1`)]
      for (const path of paths) {
        const { body, status } = await rest('GET', path)
        if (status !== 403 && status !== 404) problems.push(`GET ${path}: status ${status}`)
        problems.push(...findLeaks(body, slug, rules).map((problem) => `GET ${path} ${problem}`))
      }
    }
    expect(problems).toEqual([])
  })
})

describe('users: role', () => {
  it('stays contributor when a contributor PATCHes their own role over REST', async () => {
    const { id } = staff.contributor.user
    for (const role of ['admin', 'editor', 'author']) {
      const { body, status } = await rest('PATCH', `/users/${id}`, {
        body: { name: 'Test contributor', role },
        token: staff.contributor.token,
      })
      expect([200, 403], role).toContain(status)
      if (status === 200) expect(body.doc.role).toBe('contributor')
      expect(await storedRole(id)).toBe('contributor')
    }
    const bulk = await rest('PATCH', `/users?where[id][equals]=${id}`, {
      body: { role: 'admin' },
      token: staff.contributor.token,
    })
    expect(bulk.status).toBeLessThan(500)
    expect(await storedRole(id)).toBe('contributor')
  })

  it('stays contributor when a contributor calls updateUser on GraphQL', async () => {
    const { id } = staff.contributor.user
    const { body } = await graphql(
      'mutation($id: Int!) { updateUser(id: $id, data: { role: admin }) { id role } }',
      { id },
      staff.contributor.token,
    )
    expect(body.data?.updateUser?.role ?? 'contributor').toBe('contributor')
    expect(await storedRole(id)).toBe('contributor')
  })

  it('stays contributor when a contributor updates their role through the Local API', async () => {
    const { id } = staff.contributor.user
    await ctx.payload
      .update({
        collection: 'users',
        data: { role: 'admin' },
        id,
        overrideAccess: false,
        user: staff.contributor.user,
      })
      .catch((error: { status?: number }) => expect(error.status).toBe(403))
    expect(await storedRole(id)).toBe('contributor')
  })

  it('stays editor when an editor PATCHes their own role to admin', async () => {
    const { id } = staff.editor.user
    const { status } = await rest('PATCH', `/users/${id}`, { body: { role: 'admin' }, token: staff.editor.token })
    expect([200, 403]).toContain(status)
    expect(await storedRole(id)).toBe('editor')
  })

  it('keeps the contributor role in a fresh login after every attempt', async () => {
    const login = await rest('POST', '/users/login', {
      body: { email: staff.contributor.user.email, password: STAFF_PASSWORD },
    })
    expect(login.status).toBe(200)
    expect(login.body.user.role).toBe('contributor')
    const me = await rest('GET', '/users/me', { token: login.body.token })
    expect(me.body.user.role).toBe('contributor')
  })

  it('refuses a contributor changing another account', async () => {
    const { id } = staff.author.user
    const { status } = await rest('PATCH', `/users/${id}`, { body: { role: 'contributor' }, token: staff.contributor.token })
    expect([403, 404]).toContain(status)
    expect(await storedRole(id)).toBe('author')
  })

  it('refuses new accounts with a role from anyone but an admin', async () => {
    const before = await userCount()
    const attempts = [
      { path: '/users', token: staff.contributor.token },
      { path: '/users', token: staff.editor.token },
      { path: '/users', token: undefined },
      { path: '/users/first-register', token: undefined },
    ]
    for (const [i, { path, token }] of attempts.entries()) {
      const email = `upstart-${i}@newsroom.test`
      const { status } = await rest('POST', path, {
        body: { name: 'Upstart', email, password: STAFF_PASSWORD, role: 'admin' },
        token,
      })
      expect([401, 403], `POST ${path}`).toContain(status)
    }
    const { body } = await graphql(
      `mutation { createUser(data: { name: "Upstart", email: "upstart-gql@newsroom.test", password: "${STAFF_PASSWORD}", role: admin }) { id role } }`,
      {},
      staff.contributor.token,
    )
    expect(body.data?.createUser ?? null).toBeNull()
    expect(await userCount()).toBe(before)
  })
})
