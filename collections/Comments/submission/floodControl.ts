import type { Redis } from 'ioredis'
import type { PayloadRequest } from 'payload'

import { RateLimiterRes } from 'rate-limiter-flexible'

import { createLimiters, secondsFrom } from '@/rateLimits/createLimiters'

/** WordPress's flood rule: one comment per 15 seconds, and (our addition) 20 an hour, per client and per email. */
export const FLOOD_LIMITS = {
  burst: { duration: 15, points: 1 },
  hourly: { duration: 60 * 60, points: 20 },
} as const

export type FloodCheck = {
  /** How many comments these keys posted in the last hour, the moderators' `flood` signal. */
  recent: number
  /** Seconds until every key may post again; 0 when it may post now. */
  retryAfter: number
}

/** Each call takes the request it serves, whose logger reports a failing shared store. */
export type FloodControl = {
  /** Reads the counters without counting anything: a submission is counted only once it is stored. */
  check: (req: PayloadRequest, keys: string[]) => Promise<FloodCheck>
  close: () => void
  /** Counts one stored comment for every key; the seconds to wait when another post got there first, else 0. */
  record: (req: PayloadRequest, keys: string[]) => Promise<number>
}

export type FloodControlOptions = {
  /** A SQLite file (libSQL URL) whose counters several server instances on one host share; in memory when unset. */
  databaseURL?: string
  /** A Redis connection whose counters several server instances share; takes the place of `databaseURL`. */
  redis?: Redis
}

/**
 * Flood control over rate-limiter-flexible: counters in memory, or in a SQLite file or Redis that
 * several server instances share. Each key (a hashed client address, a hashed email) has its own
 * burst and hourly counter.
 */
export const createFloodControl = ({ databaseURL, redis }: FloodControlOptions = {}): FloodControl => {
  const limiters = createLimiters({
    databaseURL,
    feature: 'Flood control',
    keyPrefix: 'comments',
    limits: FLOOD_LIMITS,
    redis,
    table: 'comment_rate_limits',
  })

  return {
    check: async (req, keys) => {
      let retryAfterMs = 0
      let recent = 0
      for (const key of keys) {
        for (const name of ['burst', 'hourly'] as const) {
          const used = await limiters.run(req, name, (limiter) => limiter.get(key))
          // The memory store answers an expired counter until its timer removes it: that one is spent.
          if (!used || used.msBeforeNext <= 0) continue
          if (name === 'hourly') recent = Math.max(recent, used.consumedPoints)
          if (used.consumedPoints >= FLOOD_LIMITS[name].points) retryAfterMs = Math.max(retryAfterMs, used.msBeforeNext)
        }
      }
      return { recent, retryAfter: retryAfterMs > 0 ? secondsFrom(retryAfterMs) : 0 }
    },
    close: limiters.close,
    record: async (req, keys) => {
      let retryAfterMs = 0
      for (const key of keys) {
        for (const name of ['burst', 'hourly'] as const) {
          try {
            await limiters.run(req, name, (limiter) => limiter.consume(key))
          } catch (rejection) {
            if (!(rejection instanceof RateLimiterRes)) throw rejection
            retryAfterMs = Math.max(retryAfterMs, rejection.msBeforeNext)
          }
        }
      }
      return retryAfterMs > 0 ? secondsFrom(retryAfterMs) : 0
    },
  }
}
