import type { PayloadRequest } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createLoginThrottle, LOGIN_LIMITS } from '@/auth/loginThrottle'
import { FLOOD_LIMITS, createFloodControl } from '@collections/Comments/submission/floodControl'
import { hashIP } from '@collections/Comments/submission/hashing'
import { clientKey } from '@/http/clientAddress'

import { commentData, createArticles, type Fixtures, newClientIP, postComment } from '../comments/helpers'
import { bootPayload, type TestContext } from '../helpers/bootPayload'
import { rest } from '../helpers/http'
import { connections, useRedisDatabase } from '../helpers/redis'

const { url } = useRedisDatabase()
const connect = connections()

let ctx: TestContext
let fx: Fixtures

beforeAll(async () => {
  // Read when the config is imported, by bootPayload.
  process.env.REDIS_URL = url
  process.env.TRUST_PROXY = '1'
  ctx = await bootPayload()
  ctx.payload.logger.level = 'silent'
  fx = await createArticles(ctx.payload)
})
afterAll(async () => ctx?.shutdown())

const fakeRequest = () => ({ payload: ctx.payload }) as unknown as PayloadRequest

/** The counters of another server instance on the same Redis, keyed as the app keys them. */
const otherInstance = async () => {
  const { env } = await import('@/env')
  const redis = connect(url)
  return {
    flood: createFloodControl({ redis }),
    ipKey: (ip: string) => `ip:${hashIP(env.commentIPSalt, clientKey(ip))}`,
    login: createLoginThrottle({ redis, salt: env.secret }),
  }
}

describe('Payload with REDIS_URL: limits shared with other instances', () => {
  it('answers 429 to a comment when the same client commented through another instance within 15 seconds', async () => {
    const other = await otherInstance()
    const ip = newClientIP()
    expect(await other.flood.record(fakeRequest(), [other.ipKey(ip)])).toBe(0)
    const { headers, status } = await postComment(commentData(fx.open.id), { ip })
    expect(status).toBe(429)
    expect(Number(headers.get('Retry-After'))).toBeGreaterThanOrEqual(1)
    expect(Number(headers.get('Retry-After'))).toBeLessThanOrEqual(FLOOD_LIMITS.burst.duration)
  })

  it('counts a comment stored through this instance for the others', async () => {
    const other = await otherInstance()
    const ip = newClientIP()
    expect((await postComment(commentData(fx.open.id), { ip })).status).toBe(201)
    expect((await other.flood.check(fakeRequest(), [other.ipKey(ip)])).retryAfter).toBeGreaterThanOrEqual(1)
  })

  it('answers 429 to a login once the account’s failures, counted on other instances, reach the limit', async () => {
    const other = await otherInstance()
    const email = 'redis-shared@newsroom.test'
    for (let i = 0; i < LOGIN_LIMITS.account.points; i++) {
      await other.login.admit(fakeRequest(), { account: email, address: null })
    }
    const refused = await rest('POST', '/users/login', {
      body: { email, password: 'not-the-password-0' },
      headers: { 'X-Forwarded-For': newClientIP() },
    })
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(LOGIN_LIMITS.account.duration - 60)
  })
})
