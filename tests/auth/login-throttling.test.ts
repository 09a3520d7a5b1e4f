import crypto from 'crypto'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import type { User } from '@/payload-types'

import { LOGIN_LIMITS } from '@/auth/loginThrottle'
import { PAYLOAD_HASH_FORMAT, verifyPassword } from '@/auth/passwordHash'

import { bootPayload, type TestContext } from '../helpers/bootPayload'
import { rest, send } from '../helpers/http'
import { createStaff, type Staff, STAFF_PASSWORD } from '../helpers/staff'

let ctx: TestContext
let staff: Staff

beforeAll(async () => {
  // Read when the config is first imported, by bootPayload: each test speaks from its own addresses.
  process.env.TRUST_PROXY = '1'
  ctx = await bootPayload()
  staff = await createStaff(ctx.payload)
})
afterAll(async () => ctx?.shutdown())
afterEach(() => {
  vi.restoreAllMocks()
  vi.useRealTimers()
})

const WRONG = 'not-the-password-0'
const INCORRECT = 'The email or password provided is incorrect.'

/** A fresh account with the staff password, for tests that lock, throttle or unlock it. */
const account = async (name: string): Promise<User> =>
  (await ctx.payload.create({
    collection: 'users',
    data: { name, email: `${name}@newsroom.test`, password: STAFF_PASSWORD, role: 'contributor' },
  })) as User

let addresses = 0
/** A client address no other request of this file used. */
const newAddress = (): string => {
  addresses += 1
  return `198.51.${Math.floor(addresses / 250)}.${(addresses % 250) + 1}`
}

const login = (email: string, password: string, address: string) =>
  rest('POST', '/users/login', { body: { email, password }, headers: { 'X-Forwarded-For': address } })

const graphQLLogin = async (email: string, password: string, address: string) => {
  const response = await send(
    new Request('http://localhost:3000/api/graphql', {
      body: JSON.stringify({
        query:
          'mutation ($email: String!, $password: String) { loginUser(email: $email, password: $password) { token } }',
        variables: { email, password },
      }),
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address },
      method: 'POST',
    }),
  )
  const body = (await response.json()) as {
    data?: { loginUser: null | { token: string } }
    errors?: { extensions?: { data?: { retryAfter?: number }; statusCode?: number }; message: string }[]
  }
  return { body, headers: response.headers }
}

/** The lockout fields are hidden from reads: read them from the database itself. */
const storedLock = async (id: number) => {
  const doc = await ctx.payload.db.findOne<User>({ collection: 'users', where: { id: { equals: id } } })
  return { lockUntil: doc?.lockUntil ?? null, loginAttempts: doc?.loginAttempts ?? 0 }
}

const isLocked = ({ lockUntil }: { lockUntil: null | string }) =>
  Boolean(lockUntil && new Date(lockUntil).getTime() > Date.now())

const expectRetryAfter = (headers: Headers): number => {
  const retryAfter = Number(headers.get('Retry-After'))
  expect(Number.isInteger(retryAfter), `Retry-After: ${headers.get('Retry-After')}`).toBe(true)
  expect(retryAfter).toBeGreaterThan(0)
  expect(retryAfter).toBeLessThanOrEqual(LOGIN_LIMITS.account.duration)
  return retryAfter
}

/** Counts the password checks (PBKDF2 runs of Payload's strength) that `run` makes. */
const countPasswordChecks = async <T>(run: () => Promise<T>): Promise<{ checks: number[]; ms: number; result: T }> => {
  const checks: number[] = []
  const pbkdf2 = crypto.pbkdf2
  vi.spyOn(crypto, 'pbkdf2').mockImplementation(((...args: Parameters<typeof pbkdf2>) => {
    checks.push(args[2])
    return pbkdf2(...args)
  }) as typeof pbkdf2)
  const started = performance.now()
  const result = await run()
  const ms = performance.now() - started
  vi.restoreAllMocks()
  return { checks, ms, result }
}

describe('users: login answers', () => {
  it('answers an unknown email, a wrong password and a locked account alike over REST', async () => {
    const locked = await account('locked-rest')
    await ctx.payload.db.updateOne({
      id: locked.id,
      collection: 'users',
      data: { lockUntil: new Date(Date.now() + 60_000).toISOString(), loginAttempts: 20 },
    })
    const unknown = await login('nobody-rest@newsroom.test', WRONG, newAddress())
    const wrong = await login(staff.editor.user.email, WRONG, newAddress())
    // Even the right password: a locked account must not answer differently from a wrong one.
    const lockedAnswer = await login(locked.email, STAFF_PASSWORD, newAddress())

    expect(unknown.status).toBe(401)
    expect(unknown.body).toEqual({ errors: [{ message: INCORRECT }] })
    expect(wrong.status).toBe(401)
    expect(wrong.body).toEqual(unknown.body)
    expect(lockedAnswer.status).toBe(401)
    expect(lockedAnswer.body).toEqual(unknown.body)
  })

  it('answers them alike over GraphQL', async () => {
    const locked = await account('locked-graphql')
    await ctx.payload.db.updateOne({
      id: locked.id,
      collection: 'users',
      data: { lockUntil: new Date(Date.now() + 60_000).toISOString(), loginAttempts: 20 },
    })
    const answers = [
      await graphQLLogin('nobody-graphql@newsroom.test', WRONG, newAddress()),
      await graphQLLogin(staff.author.user.email, WRONG, newAddress()),
      await graphQLLogin(locked.email, STAFF_PASSWORD, newAddress()),
    ]
    for (const { body } of answers) {
      expect(body.data?.loginUser ?? null).toBeNull()
      expect(body.errors?.map(({ extensions, message }) => ({ message, status: extensions?.statusCode }))).toEqual([
        { message: INCORRECT, status: 401 },
      ])
    }
  })

  it('checks a password for an unknown email as for a real account', async () => {
    // Warm both paths, so the figures compare the requests, not a first compile.
    await login('warm-up@newsroom.test', WRONG, newAddress())
    await login(staff.admin.user.email, WRONG, newAddress())
    const real = await countPasswordChecks(() => login(staff.admin.user.email, WRONG, newAddress()))
    const unknown = await countPasswordChecks(() => login('nobody-timing@newsroom.test', WRONG, newAddress()))
    console.info(
      `login: wrong password for a real account ${real.ms.toFixed(0)} ms (${real.checks.length} PBKDF2), ` +
        `unknown email ${unknown.ms.toFixed(0)} ms (${unknown.checks.length} PBKDF2)`,
    )
    expect(real.result.status).toBe(401)
    expect(unknown.result.status).toBe(401)
    // One check each, at the strength of the stored hash.
    expect(real.checks).toEqual([PAYLOAD_HASH_FORMAT.current.iterations])
    expect(unknown.checks).toEqual(real.checks)
  })

  it('checks passwords in the format Payload stores them', async () => {
    const stored = await ctx.payload.db.findOne<User>({
      collection: 'users',
      where: { id: { equals: staff.contributor.user.id } },
    })
    const { iterations, keyLength, prefix } = PAYLOAD_HASH_FORMAT.current
    expect(stored?.hash?.startsWith(prefix), 'Payload still writes the hash format this project imitates').toBe(true)
    expect(stored!.hash!.slice(prefix.length)).toMatch(new RegExp(`^[0-9a-f]{${keyLength * 2}}$`))
    expect(iterations).toBeGreaterThanOrEqual(600_000)
    expect(await verifyPassword(stored!, STAFF_PASSWORD)).toBe(true)
    expect(await verifyPassword(stored!, WRONG)).toBe(false)
  })
})

describe('users: login throttling', () => {
  it('refuses an address its 11th failure in a row with 429 and Retry-After, even with the right password', async () => {
    const address = newAddress()
    for (let i = 0; i < LOGIN_LIMITS.address.points; i++) {
      // Unknown emails, each once: only the address limit is in play.
      expect((await login(`guess-${i}@newsroom.test`, WRONG, address)).status, `failure ${i + 1}`).toBe(401)
    }
    const refused = await login(staff.contributor.user.email, STAFF_PASSWORD, address)
    expect(refused.status).toBe(429)
    expectRetryAfter(refused.headers)
    expect(refused.body.errors[0].message).toMatch(/^Too many login attempts/)
    // Another address is not affected, nor is the account.
    expect((await login(staff.contributor.user.email, STAFF_PASSWORD, newAddress())).status).toBe(200)
    expect(isLocked(await storedLock(staff.contributor.user.id))).toBe(false)
  })

  it('clears an address’s failures when it logs in', async () => {
    const address = newAddress()
    const failures = async (count: number, from: number) => {
      for (let i = from; i < from + count; i++) {
        expect((await login(`clear-${i}@newsroom.test`, WRONG, address)).status, `failure ${i + 1}`).toBe(401)
      }
    }
    await failures(LOGIN_LIMITS.address.points - 1, 0)
    expect((await login(staff.author.user.email, STAFF_PASSWORD, address)).status).toBe(200)
    // A full allowance again, and no more.
    await failures(LOGIN_LIMITS.address.points, LOGIN_LIMITS.address.points)
    expect((await login('clear-last@newsroom.test', WRONG, address)).status).toBe(429)
  })

  it('holds an account at 5 failures from strangers, still lets its owner in, and never locks it', async () => {
    const target = await account('held-account')
    const home = newAddress()
    expect((await login(target.email, STAFF_PASSWORD, home)).status).toBe(200)
    for (let i = 0; i < LOGIN_LIMITS.account.points; i++) {
      expect((await login(target.email, WRONG, newAddress())).status, `failure ${i + 1}`).toBe(401)
    }
    // A stranger's address: held, right password or not, without the password being checked.
    const { checks, result: held } = await countPasswordChecks(() => login(target.email, STAFF_PASSWORD, newAddress()))
    expect(held.status).toBe(429)
    expectRetryAfter(held.headers)
    expect(checks).toEqual([])
    // An unknown email is held the same way: the answer does not tell accounts from addresses.
    for (let i = 0; i < LOGIN_LIMITS.account.points; i++) await login('held-nobody@newsroom.test', WRONG, newAddress())
    expect((await login('held-nobody@newsroom.test', WRONG, newAddress())).status).toBe(429)
    // The owner, from an address the account logged in from, is let in.
    expect((await login(target.email, STAFF_PASSWORD, home)).status).toBe(200)
    expect(isLocked(await storedLock(target.id))).toBe(false)
  })

  it('keeps a burst of parallel guesses below Payload’s lockout, and an admin’s unlock lifts the hold', async () => {
    const target = await account('burst-target')
    const home = newAddress()
    expect((await login(target.email, STAFF_PASSWORD, home)).status).toBe(200)
    const answers = await Promise.all(Array.from({ length: 20 }, () => login(target.email, WRONG, newAddress())))
    const statuses = answers.map(({ status }) => status)
    expect(statuses.filter((status) => status === 401)).toHaveLength(LOGIN_LIMITS.account.points)
    expect(statuses.filter((status) => status === 429)).toHaveLength(20 - LOGIN_LIMITS.account.points)
    const lock = await storedLock(target.id)
    expect(isLocked(lock)).toBe(false)
    expect(lock.loginAttempts).toBeLessThanOrEqual(LOGIN_LIMITS.account.points)
    expect((await login(target.email, STAFF_PASSWORD, home)).status).toBe(200)

    for (let i = 0; i < LOGIN_LIMITS.account.points; i++) await login(target.email, WRONG, newAddress())
    expect((await login(target.email, STAFF_PASSWORD, newAddress())).status).toBe(429)
    const unlock = await rest('POST', '/users/unlock', { body: { email: target.email }, token: staff.admin.token })
    expect(unlock.status).toBe(200)
    expect((await login(target.email, STAFF_PASSWORD, newAddress())).status).toBe(200)
  })

  it('starts Payload’s failure count again with each throttle window', async () => {
    const target = await account('windowed-target')
    for (let i = 0; i < LOGIN_LIMITS.account.points - 1; i++) await login(target.email, WRONG, newAddress())
    expect((await storedLock(target.id)).loginAttempts).toBe(LOGIN_LIMITS.account.points - 1)
    // Only the clock is faked: Payload's lock and the in-memory counters both read Date.now().
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() + (LOGIN_LIMITS.account.duration + 60) * 1000)
    expect((await login(target.email, WRONG, newAddress())).status).toBe(401)
    const lock = await storedLock(target.id)
    expect(lock.loginAttempts).toBe(1)
    expect(isLocked(lock)).toBe(false)
  })

  it('throttles GraphQL’s loginUser with the same counters, with Retry-After', async () => {
    const address = newAddress()
    for (let i = 0; i < LOGIN_LIMITS.address.points; i++) {
      // Alternating surfaces: the allowance is one, not one per surface.
      const status =
        i % 2
          ? (await login(`graphql-${i}@newsroom.test`, WRONG, address)).status
          : (await graphQLLogin(`graphql-${i}@newsroom.test`, WRONG, address)).body.errors?.[0]?.extensions?.statusCode
      expect(status, `failure ${i + 1}`).toBe(401)
    }
    const { body, headers } = await graphQLLogin(staff.editor.user.email, STAFF_PASSWORD, address)
    expect(body.data?.loginUser ?? null).toBeNull()
    expect(body.errors?.[0]?.extensions?.statusCode).toBe(429)
    expect(body.errors?.[0]?.extensions?.data?.retryAfter).toBe(expectRetryAfter(headers))
  })
})

describe('users: parallel logins to one account', () => {
  it('keeps every session it answers: each token of logins sent at once still works', async () => {
    const user = await account('parallel-sessions')
    const logins = await Promise.all(
      Array.from({ length: 4 }, () => login(user.email, STAFF_PASSWORD, newAddress())),
    )
    for (const { status } of logins) expect(status).toBe(200)
    for (const { body } of logins) {
      const me = await rest<{ user: null | User }>('GET', '/users/me', { token: body.token })
      expect(me.body.user?.id, 'a token answered 200 must stay valid').toBe(user.id)
    }
    const stored = await ctx.payload.findByID({ collection: 'users', id: user.id, showHiddenFields: true })
    expect((stored.sessions ?? []).length).toBe(logins.length)
  })
})
