import type { PayloadRequest } from 'payload'

import getPort from 'get-port'
import { setTimeout as sleep } from 'timers/promises'
import { describe, expect, it } from 'vitest'

import { createAccountLock } from '@/auth/accountLock'
import { createLoginThrottle } from '@/auth/loginThrottle'
import { createRedisClient } from '@/redis/client.mjs'

import { connections, useRedisDatabase } from '../helpers/redis'

const { url } = useRedisDatabase()
const connect = connections()

/** Only the logger is used, to report a failing lock. */
const fakeRequest = (errors: unknown[] = []) =>
  ({ payload: { logger: { error: (entry: unknown) => errors.push(entry) } } }) as unknown as PayloadRequest

/** Two logins to one account, one on each lock, that record when each starts and ends. */
const loginsOnBoth = async (
  first: (work: () => Promise<void>) => Promise<void>,
  second: (work: () => Promise<void>) => Promise<void>,
) => {
  const steps: string[] = []
  const login = (name: string) => async () => {
    steps.push(`${name} starts`)
    // Payload's login reads the session list, hashes, then writes the list back.
    await sleep(150)
    steps.push(`${name} ends`)
  }
  await Promise.all([first(login('A')), second(login('B'))])
  return steps
}

describe('the per-account login lock across instances (REDIS_URL)', () => {
  it('runs two logins to one account on two instances one after the other', async () => {
    // Two instances: each its own connection and throttle, as two `next start` processes have.
    const a = createLoginThrottle({ redis: connect(url), salt: 'lock-test' })
    const b = createLoginThrottle({ redis: connect(url), salt: 'lock-test' })
    const req = fakeRequest()
    const steps = await loginsOnBoth(
      (work) => a.oneAtATime(req, 'desk@newsroom.test', work),
      (work) => b.oneAtATime(req, 'desk@newsroom.test', work),
    )
    expect([steps[0], steps[1]]).toEqual([steps[0], steps[0].replace('starts', 'ends')])
    expect(steps).toHaveLength(4)
  })

  it('lets logins to different accounts run at once', async () => {
    const a = createLoginThrottle({ redis: connect(url), salt: 'lock-test' })
    const b = createLoginThrottle({ redis: connect(url), salt: 'lock-test' })
    const req = fakeRequest()
    const steps = await loginsOnBoth(
      (work) => a.oneAtATime(req, 'one@newsroom.test', work),
      (work) => b.oneAtATime(req, 'two@newsroom.test', work),
    )
    // Both start before either ends; which lock Redis grants first is not ordered (seen in CI).
    expect(steps.slice(0, 2).sort()).toEqual(['A starts', 'B starts'])
  })

  it('without Redis orders logins within one instance only', async () => {
    const keyOf = (account: string) => account
    const [a, b] = [createAccountLock({ keyOf }), createAccountLock({ keyOf })]
    const req = fakeRequest()
    const steps = await loginsOnBoth(
      (work) => a(req, 'desk@newsroom.test', work),
      (work) => b(req, 'desk@newsroom.test', work),
    )
    expect(steps.slice(0, 2)).toEqual(['A starts', 'B starts'])
  })

  it('keeps no email address in Redis, and nothing once the login is over', async () => {
    const redis = connect(url)
    const throttle = createLoginThrottle({ redis, salt: 'lock-test' })
    let during: string[] = []
    await throttle.oneAtATime(fakeRequest(), 'private@newsroom.test', async () => {
      during = await redis.keys('*')
    })
    const lockKeys = during.filter((key) => key.includes('login-lock:'))
    expect(lockKeys).toHaveLength(1)
    expect(lockKeys[0]).not.toContain('private')
    expect((await redis.keys('*login-lock:*')).length).toBe(0)
  })

  it('still logs in, and reports it, when Redis cannot be reached', async () => {
    // A port nothing listens on.
    const unreachable = createRedisClient(`redis://127.0.0.1:${await getPort()}`, { onError: () => {} })
    try {
      const lock = createAccountLock({ keyOf: (account) => account, redis: unreachable })
      const errors: { msg?: string }[] = []
      expect(await lock(fakeRequest(errors), 'desk@newsroom.test', async () => 'logged in')).toBe('logged in')
      expect(errors.map(({ msg }) => msg)).toEqual(['Could not take the account lock in Redis; logging in under this instance lock only'])
    } finally {
      unreachable.disconnect()
    }
  })
})
