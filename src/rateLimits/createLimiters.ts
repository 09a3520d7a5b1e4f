import type { Client } from '@libsql/client'
import type { Redis } from 'ioredis'
import type { PayloadRequest } from 'payload'

import { drizzle } from 'drizzle-orm/libsql'
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import {
  type RateLimiterAbstract,
  RateLimiterDrizzle,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible'

import { createWriteLockedClient } from '@/db/writeLockedClient'

/** `points` allowed per window of `duration` seconds. */
export type Limit = { duration: number; points: number }

export type LimitersOptions<Name extends string> = {
  /** A SQLite file (libSQL URL) whose counters several server instances share; in memory when unset. */
  databaseURL?: string
  /** What the log calls the feature when the shared store fails, e.g. "Flood control". */
  feature: string
  /** Each limiter counts under `${keyPrefix}-${name}`. */
  keyPrefix: string
  limits: Record<Name, Limit>
  /**
   * A Redis connection (REDIS_URL) whose counters several server instances share, on any number of
   * hosts; it takes the place of `databaseURL`. Each count is one atomic Lua script.
   */
  redis?: Redis
  /** The feature's own table in the shared SQLite store. */
  table: string
}

export type Limiters<Name extends string> = {
  /** Closes the SQLite store's connection, if it was opened; a Redis connection is its owner's to close. */
  close: () => void
  /**
   * Runs `operation` on the named limiter of the shared store, or in memory when there is none or it
   * fails (reported to `req`'s logger): a comment or a login must not fail with the store.
   */
  run: <T>(req: PayloadRequest, name: Name, operation: (limiter: RateLimiterAbstract) => Promise<T>) => Promise<T>
}

/** A wait in milliseconds as whole seconds, at least 1, as `Retry-After` gives it. */
export const secondsFrom = (ms: number): number => Math.max(1, Math.ceil(ms / 1000))

/** The table `RateLimiterDrizzle` keeps its counters in (key, points, expiry in ms). */
const counterTable = (name: string) =>
  sqliteTable(name, {
    expire: integer('expire', { mode: 'timestamp_ms' }),
    key: text('key').primaryKey(),
    points: integer('points').notNull(),
  })

const limitersOf = <Name extends string>(
  limits: Record<Name, Limit>,
  make: (name: Name, limit: Limit) => RateLimiterAbstract,
): Record<Name, RateLimiterAbstract> =>
  Object.fromEntries(Object.entries<Limit>(limits).map(([name, limit]) => [name, make(name as Name, limit)])) as Record<
    Name,
    RateLimiterAbstract
  >

/**
 * One rate-limiter-flexible limiter per limit, counting in memory, in a SQLite file that several
 * server instances on one host share (RATE_LIMIT_DATABASE_URL), or in Redis (REDIS_URL), with
 * memory as the fallback when the shared store fails.
 */
export const createLimiters = <Name extends string>({
  databaseURL,
  feature,
  keyPrefix,
  limits,
  redis,
  table,
}: LimitersOptions<Name>): Limiters<Name> => {
  const memory = limitersOf(
    limits,
    (name, limit) => new RateLimiterMemory({ ...limit, keyPrefix: `${keyPrefix}-${name}` }),
  )
  // The connection is opened by its first command and shared with the other features.
  const inRedis =
    redis &&
    limitersOf(
      limits,
      (name, limit) => new RateLimiterRedis({ ...limit, keyPrefix: `${keyPrefix}-${name}`, storeClient: redis }),
    )
  let client: Client | undefined
  let shared: Promise<Record<Name, RateLimiterAbstract>> | undefined

  // Opened on first use, so a config that is evaluated but never serves (another bundle's, one
  // replaced by a hot reload) opens no connection. Every count is one upsert statement, atomic
  // across processes; WAL and a busy timeout (set by the client) let several instances write in turn.
  const open = (url: string) =>
    (shared ??= (async () => {
      client = await createWriteLockedClient({ url })
      await client.execute(
        `CREATE TABLE IF NOT EXISTS ${table} (key TEXT PRIMARY KEY NOT NULL, points INTEGER NOT NULL, expire INTEGER)`,
      )
      const storeClient = drizzle(client)
      const schema = counterTable(table)
      return limitersOf(
        limits,
        (name, limit) => new RateLimiterDrizzle({ ...limit, keyPrefix: `${keyPrefix}-${name}`, schema, storeClient }),
      )
    })())

  /** The named limiter of the shared store, and the setting that chose it; none without one. */
  const sharedStore = (name: Name) => {
    if (inRedis) return { limiter: async () => inRedis[name], setting: 'REDIS_URL' }
    if (databaseURL) return { limiter: async () => (await open(databaseURL))[name], setting: 'RATE_LIMIT_DATABASE_URL' }
    return undefined
  }

  return {
    close: () => client?.close(),
    run: async (req, name, operation) => {
      const store = sharedStore(name)
      if (store) {
        try {
          return await operation(await store.limiter())
        } catch (err) {
          // A RateLimiterRes is the store's answer "no points left", not a failure.
          if (err instanceof RateLimiterRes) throw err
          // Open rather than closed: a comment or a login must not fail with the store. Until it
          // is back, each process counts on its own, so N instances allow up to N times the limits.
          req.payload.logger.error({
            err,
            msg: `${feature} cannot use ${store.setting}: counting in memory instead.`,
          })
        }
      }
      return operation(memory[name])
    },
  }
}
