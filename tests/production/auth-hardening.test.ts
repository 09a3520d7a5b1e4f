/**
 * Logins and accounts against a hostile internet, over HTTP against `next start` (behind one trusted
 * proxy, so each request names its client in X-Forwarded-For): only admins unlock accounts, failed
 * logins are throttled per address and per account before Payload's lockout is reached, every
 * failure answers alike and after a password check, and API keys are the server's, shown once.
 */
import { createClient } from '@libsql/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type RunningServer, startProductionServer, waitUntilServing } from '../helpers/server'

let server: RunningServer
const tokens: Record<'admin' | 'contributor', string> = { admin: '', contributor: '' }
const PASSWORD = 'hardening-password-1'
const WRONG = 'not-the-password-0'
const INCORRECT = { errors: [{ message: 'The email or password provided is incorrect.' }] }

let addresses = 0
/** A client address no other request of this file used. */
const newAddress = (): string => {
  addresses += 1
  return `203.0.${Math.floor(addresses / 250)}.${(addresses % 250) + 1}`
}

type Answer = { body: any; headers: Headers; ms: number; status: number }

const call = async (
  path: string,
  {
    address = newAddress(),
    body,
    method = 'POST',
    token,
  }: { address?: string; body?: unknown; method?: string; token?: string } = {},
): Promise<Answer> => {
  const started = performance.now()
  const response = await fetch(`${server.url}/api${path}`, {
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: {
      'Content-Type': 'application/json',
      'X-Forwarded-For': address,
      ...(token ? { Authorization: token.includes('API-Key') ? token : `JWT ${token}` } : {}),
    },
    method,
  })
  const text = await response.text()
  const ms = performance.now() - started
  return { body: text ? JSON.parse(text) : null, headers: response.headers, ms, status: response.status }
}

const login = (email: string, password: string, address?: string) =>
  call('/users/login', { address, body: { email, password } })

const graphQL = (
  query: string,
  variables: Record<string, unknown>,
  options: { address?: string; token?: string } = {},
) => call('/graphql', { ...options, body: { query, variables } })

const createAccount = async (name: string, role = 'contributor'): Promise<{ email: string; id: number }> => {
  const email = `${name}@newsroom.test`
  const answer = await call('/users', { body: { name, email, password: PASSWORD, role }, token: tokens.admin })
  expect(answer.status, `create ${name}: ${JSON.stringify(answer.body)}`).toBe(201)
  return { email, id: answer.body.doc.id }
}

/** Writes Payload's lockout straight into the server's database, as failed logins would leave it. */
const lockInDatabase = async (email: string) => {
  const db = createClient({ url: `file:${server.databaseFile}` })
  try {
    await db.execute('PRAGMA busy_timeout = 5000')
    await db.execute({
      args: [new Date(Date.now() + 10 * 60_000).toISOString(), email],
      sql: 'UPDATE users SET lock_until = ?, login_attempts = 20 WHERE email = ?',
    })
  } finally {
    db.close()
  }
}

const storedLockUntil = async (email: string): Promise<null | string> => {
  const db = createClient({ url: `file:${server.databaseFile}` })
  try {
    const { rows } = await db.execute({ args: [email], sql: 'SELECT lock_until FROM users WHERE email = ?' })
    return (rows[0]?.lock_until as null | string) ?? null
  } finally {
    db.close()
  }
}

const isFuture = (date: null | string) => Boolean(date && new Date(date).getTime() > Date.now())

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

beforeAll(async () => {
  server = await startProductionServer({ PAYLOAD_SECRET: 'auth-hardening-test-secret', TRUST_PROXY: '1' })
  await waitUntilServing(server)
  const registered = await call('/users/first-register', {
    body: { name: 'Hardening Admin', email: 'hardening-admin@newsroom.test', password: PASSWORD },
  })
  expect(registered.status).toBe(200)
  tokens.admin = registered.body.token
  const contributor = await createAccount('hardening-contributor')
  tokens.contributor = (await login(contributor.email, PASSWORD)).body.token
  expect(tokens.contributor).toBeTruthy()
}, 180_000)
afterAll(async () => server?.stop())

describe('account lockout over HTTP (next start)', () => {
  it('lets only an admin unlock an account, over REST and GraphQL', async () => {
    const target = await createAccount('hardening-locked')
    await lockInDatabase(target.email)

    const rest = await call('/users/unlock', { body: { email: target.email }, token: tokens.contributor })
    expect(rest.status).toBe(403)
    const graphql = await graphQL(
      'mutation ($email: String!) { unlockUser(email: $email) }',
      { email: target.email },
      {
        token: tokens.contributor,
      },
    )
    expect(graphql.body.errors?.[0]?.extensions?.statusCode).toBe(403)
    expect(isFuture(await storedLockUntil(target.email))).toBe(true)

    // Locked, the right password answers as a wrong one and an unknown email do.
    const locked = await login(target.email, PASSWORD)
    const wrong = await login('hardening-admin@newsroom.test', WRONG)
    const unknown = await login('nobody@newsroom.test', WRONG)
    expect([locked, wrong, unknown].map(({ body, status }) => ({ body, status }))).toEqual(
      Array(3).fill({ body: INCORRECT, status: 401 }),
    )

    expect((await call('/users/unlock', { body: { email: target.email }, token: tokens.admin })).status).toBe(200)
    expect((await login(target.email, PASSWORD)).status).toBe(200)
  })

  it('checks a password for an unknown email as for a real one: the times are alike', async () => {
    const real: number[] = []
    const unknown: number[] = []
    // Warm-up, then alternate; each attempt from a new address, and within the account allowance.
    await login('hardening-contributor@newsroom.test', WRONG)
    await login('warm-up@newsroom.test', WRONG)
    for (let i = 0; i < 3; i++) {
      real.push((await login('hardening-contributor@newsroom.test', WRONG)).ms)
      unknown.push((await login(`nobody-${i}@newsroom.test`, WRONG)).ms)
    }
    console.info(
      `login over HTTP: wrong password ${real.map((ms) => ms.toFixed(0)).join(', ')} ms; ` +
        `unknown email ${unknown.map((ms) => ms.toFixed(0)).join(', ')} ms`,
    )
    // Not a tight bound: only that both paths hash (an unknown email answered in a few ms did not).
    expect(median(unknown)).toBeGreaterThan(median(real) / 2)
  })
})

describe('login throttling over HTTP (next start)', () => {
  it('answers an address its 11th failure with 429 and Retry-After, and lets other addresses log in', async () => {
    const address = newAddress()
    const statuses: number[] = []
    for (let i = 0; i < 10; i++) statuses.push((await login(`guess-${i}@newsroom.test`, WRONG, address)).status)
    expect(statuses).toEqual(Array(10).fill(401))
    const refused = await login('hardening-admin@newsroom.test', PASSWORD, address)
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0)

    const graphql = await graphQL(
      'mutation ($email: String!, $password: String) { loginUser(email: $email, password: $password) { token } }',
      { email: 'hardening-admin@newsroom.test', password: PASSWORD },
      { address },
    )
    expect(graphql.body.errors?.[0]?.extensions?.statusCode).toBe(429)
    expect(Number(graphql.headers.get('Retry-After'))).toBeGreaterThan(0)

    expect((await login('hardening-admin@newsroom.test', PASSWORD)).status).toBe(200)
  })

  it('holds an account after 5 failures from strangers, lets its owner in, and never locks it', async () => {
    const target = await createAccount('hardening-target')
    const home = newAddress()
    expect((await login(target.email, PASSWORD, home)).status).toBe(200)
    // Ten strangers in parallel: Payload's lockout (5 by default) would lock the account.
    const answers = await Promise.all(Array.from({ length: 10 }, () => login(target.email, WRONG)))
    expect(answers.map(({ status }) => status).sort()).toEqual([...Array(5).fill(401), ...Array(5).fill(429)])
    expect((await login(target.email, PASSWORD)).status).toBe(429)
    expect(isFuture(await storedLockUntil(target.email))).toBe(false)
    expect((await login(target.email, PASSWORD, home)).status).toBe(200)
  })
})

describe('API keys over HTTP (next start)', () => {
  it('refuses a key chosen by the client, and issues one with the current password, shown once', async () => {
    const owner = await createAccount('hardening-keys')
    const token = (await login(owner.email, PASSWORD)).body.token

    const chosen = await call(`/users/${owner.id}`, {
      body: { apiKey: 'a', enableAPIKey: true },
      method: 'PATCH',
      token,
    })
    expect(chosen.status).toBe(400)
    // The message names the field: the production build's REST errors carry no `data`.
    expect(chosen.body.errors[0].message).toMatch(/^apiKey cannot be set/)
    expect((await call('/users/me', { method: 'GET', token: 'users API-Key a' })).body.user).toBeNull()

    expect((await call(`/users/${owner.id}/api-key`, { body: {}, token })).status).toBe(400)
    const issued = await call(`/users/${owner.id}/api-key`, { body: { currentPassword: PASSWORD }, token })
    expect(issued.status).toBe(201)
    const { apiKey } = issued.body
    expect(apiKey).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const me = await call('/users/me', { method: 'GET', token: `users API-Key ${apiKey}` })
    expect(me.body.user?.id).toBe(owner.id)
    const read = await call(`/users/${owner.id}`, { method: 'GET', token })
    expect(JSON.stringify(read.body)).not.toContain(apiKey)
  })
})
