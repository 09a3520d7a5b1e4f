import type { Redis } from 'ioredis'
import type { PayloadRequest } from 'payload'

import { Mutex } from 'async-mutex'
import { Mutex as RedisMutex } from 'redis-semaphore'

type Held = { mutex: Mutex; waiting: number }

export type AccountLockOptions = {
  /** The lock's Redis key for an account, so that Redis never holds an email address. */
  keyOf: (account: string) => string
  /** Shared by every server instance (REDIS_URL): logins to one account on two instances wait for each other too. */
  redis?: Redis
}

/** A login holds the account at most this long (ms); the lock expires after it if its holder died. */
const REDIS_LOCK_TIMEOUT = 10_000

/**
 * Runs `work` for one account at a time. Payload's login reads the account's session list, adds
 * the new session and writes the whole list back (`addSessionToUser` in
 * payload/dist/auth/sessions.js): two logins to one account at once each wrote a list without
 * the other's session, and a token just answered 200 then failed.
 *
 * Within a process an async-mutex orders the logins; with Redis a redis-semaphore mutex also
 * orders them across instances. If Redis fails, the login goes ahead under the in-process lock
 * only (logged): a lost session is better than a newsroom that cannot log in.
 */
export const createAccountLock = ({ keyOf, redis }: AccountLockOptions) => {
  const held = new Map<string, Held>()

  const acrossInstances = async <T>(req: PayloadRequest, account: string, work: () => Promise<T>): Promise<T> => {
    if (!redis) return work()
    const lock = new RedisMutex(redis, keyOf(account), {
      acquireTimeout: REDIS_LOCK_TIMEOUT,
      lockTimeout: REDIS_LOCK_TIMEOUT,
      // The default rethrows in a timer, which would end the process.
      onLockLost: (err) => req.payload.logger.error({ err, msg: 'A login lost its account lock in Redis' }),
      retryInterval: 20,
    })
    try {
      await lock.acquire()
    } catch (err) {
      req.payload.logger.error({ err, msg: 'Could not take the account lock in Redis; logging in under this instance lock only' })
      return work()
    }
    try {
      return await work()
    } finally {
      await lock.release().catch((err: unknown) => req.payload.logger.error({ err, msg: 'Could not release an account lock in Redis' }))
    }
  }

  return async <T>(req: PayloadRequest, account: string, work: () => Promise<T>): Promise<T> => {
    const entry = held.get(account) ?? { mutex: new Mutex(), waiting: 0 }
    held.set(account, entry)
    entry.waiting += 1
    try {
      return await entry.mutex.runExclusive(() => acrossInstances(req, account, work))
    } finally {
      entry.waiting -= 1
      if (entry.waiting === 0) held.delete(account)
    }
  }
}

export type AccountLock = ReturnType<typeof createAccountLock>
