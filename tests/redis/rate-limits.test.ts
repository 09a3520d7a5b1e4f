import type { PayloadRequest } from 'payload'

import getPort from 'get-port'
import { describe, expect, it } from 'vitest'

import { createLoginThrottle, LOGIN_LIMITS } from '@/auth/loginThrottle'
import { createFloodControl, FLOOD_LIMITS } from '@collections/Comments/submission/floodControl'
import { createRedisClient } from '@/redis/client.mjs'

import { connections, useRedisDatabase } from '../helpers/redis'

const { url } = useRedisDatabase()
const connect = connections()

/** Only the logger is used, to report a failing shared store. */
const fakeRequest = (errors: unknown[] = []) =>
  ({ payload: { logger: { error: (entry: unknown) => errors.push(entry) } } }) as unknown as PayloadRequest

let keys = 0
/** A flood key no other test used, shaped like the hashed ones the comments collection passes. */
const newKey = (kind: 'email' | 'ip' = 'ip') => `${kind}:${(keys += 1).toString(16).padStart(64, '0')}`

describe('flood control in Redis (REDIS_URL)', () => {
  it('refuses, on a second instance, a second comment within 15 seconds from the same client', async () => {
    // Two instances: each its own connection and limiters, as two `next start` processes have.
    const first = createFloodControl({ redis: connect(url) })
    const second = createFloodControl({ redis: connect(url) })
    const req = fakeRequest()
    const client = newKey()
    expect(await first.check(req, [client])).toEqual({ recent: 0, retryAfter: 0 })
    expect(await first.record(req, [client])).toBe(0)

    const { recent, retryAfter } = await second.check(req, [client])
    expect(recent).toBe(1)
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(FLOOD_LIMITS.burst.duration)
    // A post that raced past the check on the other instance is counted against the same burst.
    expect(await second.record(req, [client])).toBeGreaterThanOrEqual(1)
    expect((await first.check(req, [newKey()])).retryAfter).toBe(0)
  })

  it('keeps counters under the same keys as the other stores, with the window as their TTL', async () => {
    const redis = connect(url)
    const flood = createFloodControl({ redis })
    const client = newKey()
    await flood.record(fakeRequest(), [client])
    expect(await redis.get(`comments-burst:${client}`)).toBe('1')
    expect(await redis.get(`comments-hourly:${client}`)).toBe('1')
    const ttl = await redis.pttl(`comments-burst:${client}`)
    expect(ttl).toBeGreaterThan(0)
    expect(ttl).toBeLessThanOrEqual(FLOOD_LIMITS.burst.duration * 1000)
  })

  it('counts in memory and reports it when Redis cannot be reached, so comments are still limited', async () => {
    // A port nothing listens on.
    const unreachable = createRedisClient(`redis://127.0.0.1:${await getPort()}`, { onError: () => {} })
    try {
      const flood = createFloodControl({ redis: unreachable })
      const errors: { msg?: string }[] = []
      const client = newKey()
      expect(await flood.record(fakeRequest(errors), [client])).toBe(0)
      expect((await flood.check(fakeRequest(errors), [client])).retryAfter).toBeGreaterThanOrEqual(1)
      expect(errors.length).toBeGreaterThan(0)
      expect(errors[0].msg).toBe('Flood control cannot use REDIS_URL: counting in memory instead.')
    } finally {
      unreachable.disconnect()
    }
  })
})

describe('login throttle in Redis (REDIS_URL)', () => {
  it('shares its counts between instances: the attempt over the account limit is refused by either', async () => {
    const first = createLoginThrottle({ redis: connect(url), salt: 'test-salt' })
    const second = createLoginThrottle({ redis: connect(url), salt: 'test-salt' })
    const req = fakeRequest()
    const keys = { account: 'shared@newsroom.test', address: null }
    for (let i = 0; i < LOGIN_LIMITS.account.points; i++) {
      expect((await (i % 2 ? second : first).admit(req, keys)).admitted, `attempt ${i + 1}`).toBe(true)
    }
    const refused = await second.admit(req, keys)
    expect(refused.admitted).toBe(false)
    if (refused.admitted) return
    expect(refused.retryAfter).toBeGreaterThan(LOGIN_LIMITS.account.duration - 60)
    expect(refused.retryAfter).toBeLessThanOrEqual(LOGIN_LIMITS.account.duration)
    // A success on one instance clears the count for both, and lets its address past the account limit.
    await first.succeeded(req, { account: 'shared@newsroom.test', address: '192.0.2.1' })
    expect((await second.admit(req, keys)).admitted).toBe(true)
  })

  it('lets an address the account logged in from (remembered on another instance) past the account limit', async () => {
    const first = createLoginThrottle({ redis: connect(url), salt: 'test-salt' })
    const second = createLoginThrottle({ redis: connect(url), salt: 'test-salt' })
    const req = fakeRequest()
    const owner = { account: 'owner@newsroom.test', address: '192.0.2.50' }
    await first.succeeded(req, owner)
    for (let i = 0; i <= LOGIN_LIMITS.account.points; i++) {
      await first.admit(req, { account: owner.account, address: `203.0.113.${i + 1}` })
    }
    expect((await second.admit(req, { account: owner.account, address: '203.0.113.99' })).admitted).toBe(false)
    expect((await second.admit(req, owner)).admitted).toBe(true)
  })

  it('stores emails and addresses only as keyed hashes', async () => {
    const redis = connect(url)
    const throttle = createLoginThrottle({ redis, salt: 'test-salt' })
    await throttle.admit(fakeRequest(), { account: 'private@newsroom.test', address: '192.0.2.77' })
    await throttle.succeeded(fakeRequest(), { account: 'private@newsroom.test', address: '192.0.2.77' })
    const stored = await redis.keys('login-*')
    expect(stored.length).toBeGreaterThan(0)
    for (const key of stored) expect(key).not.toMatch(/private|192\.0\.2/)
  })
})

it('counts both features in the Redis of REDIS_URL when the config makes its rate limits', async () => {
  const { createRateLimits } = await import('@/rateLimits/createRateLimits')
  const limits = createRateLimits({ redisURL: url, salt: 'test-salt', trustProxy: 1 })
  const other = createRateLimits({ redisURL: url, salt: 'test-salt', trustProxy: 1 })
  const client = newKey()
  await limits.floodControl.record(fakeRequest(), [client])
  expect((await other.floodControl.check(fakeRequest(), [client])).retryAfter).toBeGreaterThanOrEqual(1)
  const keys = { account: 'config@newsroom.test', address: null }
  for (let i = 0; i < LOGIN_LIMITS.account.points; i++) await limits.loginThrottle.admit(fakeRequest(), keys)
  expect((await other.loginThrottle.admit(fakeRequest(), keys)).admitted).toBe(false)
})
