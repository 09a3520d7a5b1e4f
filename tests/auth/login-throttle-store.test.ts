import type { PayloadRequest } from 'payload'

import fs from 'fs/promises'
import os from 'os'
import path from 'path'
import { afterEach, describe, expect, it } from 'vitest'

import { createLoginThrottle, LOGIN_LIMITS, type LoginThrottle } from '@/auth/loginThrottle'
import { clientAddressFrom } from '@/http/clientAddress'

/** Only the logger is used, to report a failing shared store. */
const fakeRequest = (errors: unknown[] = []) =>
  ({ payload: { logger: { error: (entry: unknown) => errors.push(entry) } } }) as unknown as PayloadRequest

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

const rateLimitFile = async (): Promise<{ dir: string; url: string }> => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-login-limits-'))
  cleanups.push(() => fs.rm(dir, { force: true, recursive: true }))
  return { dir, url: `file:${path.join(dir, 'rate-limits.db')}` }
}

const throttle = (databaseURL?: string): LoginThrottle => {
  const created = createLoginThrottle({ databaseURL, salt: 'test-salt' })
  cleanups.unshift(async () => created.close())
  return created
}

/** Failed attempts until the throttle refuses one; the refusal. */
const failUntilRefused = async (
  login: LoginThrottle,
  keys: { account: string; address: null | string },
  req = fakeRequest(),
) => {
  for (let attempt = 1; attempt < 100; attempt++) {
    const admission = await login.admit(req, keys)
    if (!admission.admitted) return { attempt, retryAfter: admission.retryAfter }
  }
  throw new Error('never refused')
}

describe('login throttle: stores', () => {
  it('shares its counts through one SQLite file between server instances', async () => {
    const { url } = await rateLimitFile()
    const first = throttle(url)
    const second = throttle(url)
    const req = fakeRequest()
    // Half the account's allowance on each instance: the next attempt, on either, is refused.
    for (let i = 0; i < LOGIN_LIMITS.account.points; i++) {
      const admission = await (i % 2 ? second : first).admit(req, { account: 'shared@newsroom.test', address: null })
      expect(admission.admitted, `attempt ${i + 1}`).toBe(true)
    }
    const refused = await second.admit(req, { account: 'shared@newsroom.test', address: null })
    expect(refused).toEqual({ admitted: false, retryAfter: expect.any(Number) })
    // A success on one instance clears the count for both.
    await first.succeeded(req, { account: 'shared@newsroom.test', address: '192.0.2.1' })
    expect((await second.admit(req, { account: 'shared@newsroom.test', address: null })).admitted).toBe(true)
  })

  it('stores emails and addresses only as keyed hashes', async () => {
    const { url } = await rateLimitFile()
    const shared = throttle(url)
    await shared.admit(fakeRequest(), { account: 'private@newsroom.test', address: '192.0.2.77' })
    const { createClient } = await import('@libsql/client')
    const db = createClient({ url })
    try {
      const { rows } = await db.execute('SELECT key FROM login_rate_limits')
      expect(rows.length).toBeGreaterThan(0)
      for (const { key } of rows) expect(String(key)).not.toMatch(/private|192\.0\.2/)
    } finally {
      db.close()
    }
  })

  it('reports a failing store and goes on counting in memory', async () => {
    const { dir } = await rateLimitFile()
    // A folder that cannot be made: its parent is a file.
    await fs.writeFile(path.join(dir, 'not-a-folder'), '')
    const errors: unknown[] = []
    const failing = throttle(`file:${path.join(dir, 'not-a-folder', 'rate-limits.db')}`)
    const { attempt } = await failUntilRefused(
      failing,
      { account: 'a@newsroom.test', address: '192.0.2.9' },
      fakeRequest(errors),
    )
    expect(attempt).toBe(LOGIN_LIMITS.account.points + 1)
    expect(errors.length).toBeGreaterThan(0)
  })

  it('counts in memory without RATE_LIMIT_DATABASE_URL, per address and per account', async () => {
    const memory = throttle()
    expect((await failUntilRefused(memory, { account: 'b@newsroom.test', address: null })).attempt).toBe(
      LOGIN_LIMITS.account.points + 1,
    )
    let attempt = 0
    let admission
    do {
      attempt += 1
      admission = await memory.admit(fakeRequest(), { account: `c-${attempt}@newsroom.test`, address: '192.0.2.10' })
    } while (admission.admitted)
    expect(attempt).toBe(LOGIN_LIMITS.address.points + 1)
    expect(admission.retryAfter).toBeLessThanOrEqual(LOGIN_LIMITS.address.duration)
  })

  it('counts a request under the client address TRUST_PROXY names, or per account alone without one', () => {
    const req = { headers: new Headers({ 'x-forwarded-for': '192.0.2.1, 2001:db8:1:2::9' }) } as PayloadRequest
    const behindProxy = createLoginThrottle({ clientAddress: clientAddressFrom(1), salt: 'test-salt' })
    expect(behindProxy.keysFor(req, 'd@newsroom.test')).toEqual({
      account: 'd@newsroom.test',
      address: '2001:0db8:0001:0002::/64',
    })
    expect(throttle().keysFor(req, 'd@newsroom.test')).toEqual({ account: 'd@newsroom.test', address: null })
  })
})
