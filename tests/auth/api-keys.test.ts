import { describe, expect, it } from 'vitest'

import type { User } from '@/payload-types'

import { graphql, rest } from '../helpers/http'
import { STAFF_PASSWORD, useStaffPayload } from '../helpers/staff'

const { ctx, staff } = useStaffPayload()

/** 32 random bytes, base64url. */
const SERVER_KEY = /^[A-Za-z0-9_-]{43}$/

const account = async (name: string): Promise<User & { collection: 'users' }> => ({
  ...((await ctx.payload.create({
    collection: 'users',
    data: { name, email: `${name}@newsroom.test`, password: STAFF_PASSWORD, role: 'contributor' },
  })) as User),
  collection: 'users',
})

const tokenOf = async (email: string): Promise<string> =>
  (await ctx.payload.login({ collection: 'users', data: { email, password: STAFF_PASSWORD } })).token!

/** Who a request with this API key is, or null. */
const whoHasKey = async (apiKey: string): Promise<null | number> => {
  const { body } = await rest('GET', '/users/me', { headers: { Authorization: `users API-Key ${apiKey}` } })
  return body?.user?.id ?? null
}

/** The key columns as stored, read past every hook. */
const storedKey = async (id: number) => {
  const doc = await ctx.payload.db.findOne<User>({ collection: 'users', where: { id: { equals: id } } })
  return { apiKey: doc?.apiKey ?? null, apiKeyIndex: doc?.apiKeyIndex ?? null, enableAPIKey: doc?.enableAPIKey ?? null }
}

const fieldErrorPaths = (body: any): string[] =>
  (body?.errors ?? []).flatMap((error: any) => (error.data?.errors ?? []).map(({ path }: { path: string }) => path))

const issue = (id: number, token: string, body: Record<string, unknown> = {}) =>
  rest('POST', `/users/${id}/api-key`, { body, token })

describe('users: API keys', () => {
  it('refuses a key chosen by the client over REST, GraphQL and the Local API, naming the field', async () => {
    const own = staff.contributor
    const before = await storedKey(own.user.id)

    const patched = await rest('PATCH', `/users/${own.user.id}`, {
      body: { apiKey: 'a', enableAPIKey: true },
      token: own.token,
    })
    expect(patched.status).toBe(400)
    expect(fieldErrorPaths(patched.body)).toEqual(['apiKey'])

    const byAdmin = await rest('PATCH', `/users/${staff.author.user.id}`, {
      body: { apiKey: 'chosen-by-an-admin-0123456789', enableAPIKey: true },
      token: staff.admin.token,
    })
    expect(byAdmin.status).toBe(400)
    expect(fieldErrorPaths(byAdmin.body)).toEqual(['apiKey'])

    const created = await rest('POST', '/users', {
      body: {
        name: 'Keyed',
        apiKey: 'chosen-at-creation-0123456789',
        email: 'keyed@newsroom.test',
        password: STAFF_PASSWORD,
      },
      token: staff.admin.token,
    })
    expect(created.status).toBe(400)
    expect(fieldErrorPaths(created.body)).toEqual(['apiKey'])

    const viaGraphQL = await graphql(
      'mutation ($id: Int!) { updateUser(id: $id, data: { apiKey: "a", enableAPIKey: true }) { id } }',
      { id: own.user.id },
      own.token,
    )
    expect(viaGraphQL.body.data?.updateUser ?? null).toBeNull()
    expect(viaGraphQL.body.errors?.[0]?.extensions?.statusCode).toBe(400)

    await expect(
      ctx.payload.update({
        id: own.user.id,
        collection: 'users',
        data: { apiKey: 'a', enableAPIKey: true },
        overrideAccess: false,
        user: own.user,
      }),
    ).rejects.toMatchObject({ status: 400 })

    expect(await whoHasKey('a')).toBeNull()
    expect(await storedKey(own.user.id)).toEqual(before)
  })

  it('creates your own key only with your current password, and shows it once', async () => {
    const owner = await account('key-owner')
    const token = await tokenOf(owner.email)

    const missing = await issue(owner.id, token)
    expect(missing.status).toBe(400)
    expect(fieldErrorPaths(missing.body)).toEqual(['currentPassword'])
    const wrong = await issue(owner.id, token, { currentPassword: 'not-the-password-0' })
    expect(wrong.status).toBe(400)
    expect(fieldErrorPaths(wrong.body)).toEqual(['currentPassword'])
    expect((await storedKey(owner.id)).apiKeyIndex).toBeNull()

    const created = await issue(owner.id, token, { currentPassword: STAFF_PASSWORD })
    expect(created.status).toBe(201)
    expect(created.headers.get('Cache-Control')).toBe('no-store')
    const apiKey = created.body.apiKey as string
    expect(apiKey).toMatch(SERVER_KEY)
    expect(await whoHasKey(apiKey)).toBe(owner.id)

    // Never readable again: not through the API, and not stored in clear.
    const read = await rest('GET', `/users/${owner.id}`, { token })
    expect(read.status).toBe(200)
    expect(JSON.stringify(read.body)).not.toContain(apiKey)
    const viaGraphQL = await graphql(
      'query ($id: Int!) { User(id: $id) { id apiKey enableAPIKey } }',
      { id: owner.id },
      token,
    )
    expect(viaGraphQL.body.data?.User).toEqual({ id: owner.id, apiKey: null, enableAPIKey: true })
    const stored = await storedKey(owner.id)
    expect(stored.apiKey).toBeTruthy()
    expect(stored.apiKey).not.toContain(apiKey)

    // Replacing it retires the old key.
    const replaced = await issue(owner.id, token, { currentPassword: STAFF_PASSWORD })
    expect(replaced.status).toBe(201)
    expect(replaced.body.apiKey).toMatch(SERVER_KEY)
    expect(replaced.body.apiKey).not.toBe(apiKey)
    expect(await whoHasKey(apiKey)).toBeNull()
    expect(await whoHasKey(replaced.body.apiKey)).toBe(owner.id)

    // A request made with the key itself needs the password just the same.
    const withKey = await rest('POST', `/users/${owner.id}/api-key`, {
      body: {},
      headers: { Authorization: `users API-Key ${replaced.body.apiKey}` },
    })
    expect(withKey.status).toBe(400)
    expect(fieldErrorPaths(withKey.body)).toEqual(['currentPassword'])
  })

  it('lets an admin create a key for another account without a password, and no one else', async () => {
    const target = await account('key-target')
    for (const role of ['contributor', 'author', 'editor'] as const) {
      const answer = await issue(target.id, staff[role].token, { currentPassword: STAFF_PASSWORD })
      expect(answer.status, role).toBe(403)
    }
    expect((await rest('POST', `/users/${target.id}/api-key`, { body: {} })).status).toBe(403)
    expect((await storedKey(target.id)).apiKeyIndex).toBeNull()

    const byAdmin = await issue(target.id, staff.admin.token)
    expect(byAdmin.status).toBe(201)
    expect(await whoHasKey(byAdmin.body.apiKey)).toBe(target.id)
  })

  it('revokes a key for its owner or an admin, without a password', async () => {
    const owner = await account('key-revoked')
    const token = await tokenOf(owner.email)
    const { body } = await issue(owner.id, token, { currentPassword: STAFF_PASSWORD })
    expect(await whoHasKey(body.apiKey)).toBe(owner.id)

    expect([403, 404]).toContain(
      (await rest('DELETE', `/users/${owner.id}/api-key`, { token: staff.editor.token })).status,
    )
    expect(await whoHasKey(body.apiKey)).toBe(owner.id)

    const revoked = await rest('DELETE', `/users/${owner.id}/api-key`, { token })
    expect(revoked.status).toBe(200)
    expect(await whoHasKey(body.apiKey)).toBeNull()
    expect(await storedKey(owner.id)).toEqual({ apiKey: null, apiKeyIndex: null, enableAPIKey: false })
  })

  it('does the same over GraphQL', async () => {
    const owner = await account('key-graphql')
    const token = await tokenOf(owner.email)
    const generate =
      'mutation ($id: Int!, $password: String) { generateAPIKeyUser(id: $id, currentPassword: $password) }'

    const refused = await graphql(generate, { id: owner.id, password: 'not-the-password-0' }, token)
    expect(refused.body.errors?.[0]?.extensions?.statusCode).toBe(400)
    const created = await graphql(generate, { id: owner.id, password: STAFF_PASSWORD }, token)
    expect(created.body.errors).toBeUndefined()
    const apiKey = created.body.data?.generateAPIKeyUser as string
    expect(apiKey).toMatch(SERVER_KEY)
    expect(await whoHasKey(apiKey)).toBe(owner.id)

    const byEditor = await graphql(generate, { id: owner.id }, staff.editor.token)
    expect(byEditor.body.errors?.[0]?.extensions?.statusCode).toBe(403)

    const revoked = await graphql('mutation ($id: Int!) { revokeAPIKeyUser(id: $id) }', { id: owner.id }, token)
    expect(revoked.body).toEqual({ data: { revokeAPIKeyUser: true } })
    expect(await whoHasKey(apiKey)).toBeNull()
  })

  it('counts wrong current passwords as failed logins', async () => {
    const owner = await account('key-guessed')
    const token = await tokenOf(owner.email)
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) statuses.push((await issue(owner.id, token, { currentPassword: `guess-${i}` })).status)
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429])
  })
})
