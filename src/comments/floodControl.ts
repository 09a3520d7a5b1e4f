import type { Client } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import {
  type RateLimiterAbstract,
  RateLimiterDrizzle,
  RateLimiterMemory,
  RateLimiterRes,
} from 'rate-limiter-flexible'

import { createWriteLockedClient } from '@/db/writeLockedClient'

/** WordPress's flood rule: one comment per 15 seconds, and (our addition) 20 an hour, per client and per email. */
export const FLOOD_LIMITS = {
  burst: { duration: 15, points: 1 },
  hourly: { duration: 60 * 60, points: 20 },
} as const

type LimitName = keyof typeof FLOOD_LIMITS

export type FloodCheck = {
  /** How many comments these keys posted in the last hour, the moderators' `flood` signal. */
  recent: number
  /** Seconds until every key may post again; 0 when it may post now. */
  retryAfter: number
}

export type FloodControl = {
  /** Reads the counters without counting anything: a submission is counted only once it is stored. */
  check: (keys: string[]) => Promise<FloodCheck>
  close: () => void
  /** Counts one stored comment for every key; the seconds to wait when another post got there first, else 0. */
  record: (keys: string[]) => Promise<number>
}

const TABLE = 'comment_rate_limits'

/** The table `RateLimiterDrizzle` keeps its counters in (key, points, expiry in ms). */
const rateLimits = sqliteTable(TABLE, {
  expire: integer('expire', { mode: 'timestamp_ms' }),
  key: text('key').primaryKey(),
  points: integer('points').notNull(),
})

const memoryLimiters = (): Record<LimitName, RateLimiterAbstract> => ({
  burst: new RateLimiterMemory({ ...FLOOD_LIMITS.burst, keyPrefix: 'comments-burst' }),
  hourly: new RateLimiterMemory({ ...FLOOD_LIMITS.hourly, keyPrefix: 'comments-hourly' }),
})

const sqliteLimiters = (url: string) => {
  let client: Client | undefined
  // Every counter update is one upsert statement, atomic across processes; WAL and a busy timeout
  // (set by the client, as on the Payload database) let several server instances write in turn.
  const limiters = (async (): Promise<Record<LimitName, RateLimiterAbstract>> => {
    client = await createWriteLockedClient({ url })
    await client.execute(`CREATE TABLE IF NOT EXISTS ${TABLE} (key TEXT PRIMARY KEY NOT NULL, points INTEGER NOT NULL, expire INTEGER)`)
    const db = drizzle(client)
    const limiter = (name: LimitName) =>
      new RateLimiterDrizzle({ ...FLOOD_LIMITS[name], keyPrefix: `comments-${name}`, schema: rateLimits, storeClient: db })
    return { burst: limiter('burst'), hourly: limiter('hourly') }
  })()
  // Handled where it is awaited; this only keeps an early failure from being reported as unhandled.
  limiters.catch(() => undefined)
  return { close: () => client?.close(), limiters }
}

const secondsFrom = (ms: number): number => Math.max(1, Math.ceil(ms / 1000))

export type FloodControlOptions = {
  /** A SQLite file (libSQL URL) whose counters several server instances share; in memory when unset. */
  databaseURL?: string
  /** Called when the shared store fails; counting then goes on in this process's memory. */
  onStoreError?: (error: unknown) => void
}

/**
 * Flood control over rate-limiter-flexible: counters in memory, or in a SQLite file that several
 * server instances share. Each key (a hashed client address, a hashed email) has its own burst and
 * hourly counter.
 */
export const createFloodControl = ({ databaseURL, onStoreError = () => undefined }: FloodControlOptions = {}): FloodControl => {
  const memory = memoryLimiters()
  const store = databaseURL ? sqliteLimiters(databaseURL) : undefined

  /** Runs `operation` on the shared store, or in memory when there is none or it fails (a comment must not fail with it). */
  const run = async <T>(name: LimitName, operation: (limiter: RateLimiterAbstract) => Promise<T>): Promise<T> => {
    if (store) {
      try {
        return await operation((await store.limiters)[name])
      } catch (error) {
        // A RateLimiterRes is the store's answer "no points left", not a failure.
        if (error instanceof RateLimiterRes) throw error
        onStoreError(error)
      }
    }
    return operation(memory[name])
  }

  return {
    check: async (keys) => {
      let retryAfterMs = 0
      let recent = 0
      for (const key of keys) {
        for (const name of ['burst', 'hourly'] as const) {
          const used = await run(name, (limiter) => limiter.get(key))
          // The memory store answers an expired counter until its timer removes it: that one is spent.
          if (!used || used.msBeforeNext <= 0) continue
          if (name === 'hourly') recent = Math.max(recent, used.consumedPoints)
          if (used.consumedPoints >= FLOOD_LIMITS[name].points) retryAfterMs = Math.max(retryAfterMs, used.msBeforeNext)
        }
      }
      return { recent, retryAfter: retryAfterMs > 0 ? secondsFrom(retryAfterMs) : 0 }
    },
    close: () => store?.close(),
    record: async (keys) => {
      let retryAfterMs = 0
      for (const key of keys) {
        for (const name of ['burst', 'hourly'] as const) {
          try {
            await run(name, (limiter) => limiter.consume(key))
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

// One set of counters per process: REST and GraphQL are separate bundles, and alternating between
// them must not double a client's allowance.
const SHARED_KEY = Symbol.for('newsroom.commentFloodControl')
const shared = globalThis as typeof globalThis & { [SHARED_KEY]?: FloodControl }

/** The process's flood control, created on first use. */
export const getFloodControl = (options: FloodControlOptions): FloodControl =>
  (shared[SHARED_KEY] ??= createFloodControl(options))
