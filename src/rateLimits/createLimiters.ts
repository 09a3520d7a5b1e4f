import type { Client } from '@libsql/client'
import type { PayloadRequest } from 'payload'

import { drizzle } from 'drizzle-orm/libsql'
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { type RateLimiterAbstract, RateLimiterDrizzle, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

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
  /** The feature's own table in the shared store. */
  table: string
}

export type Limiters<Name extends string> = {
  /** Closes the shared store's connection, if it was opened. */
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
 * One rate-limiter-flexible limiter per limit, counting in memory or in a SQLite file that several
 * server instances share (RATE_LIMIT_DATABASE_URL), with memory as the fallback when that file fails.
 */
export const createLimiters = <Name extends string>({
  databaseURL,
  feature,
  keyPrefix,
  limits,
  table,
}: LimitersOptions<Name>): Limiters<Name> => {
  const memory = limitersOf(
    limits,
    (name, limit) => new RateLimiterMemory({ ...limit, keyPrefix: `${keyPrefix}-${name}` }),
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

  return {
    close: () => client?.close(),
    run: async (req, name, operation) => {
      if (databaseURL) {
        try {
          return await operation((await open(databaseURL))[name])
        } catch (err) {
          // A RateLimiterRes is the store's answer "no points left", not a failure.
          if (err instanceof RateLimiterRes) throw err
          req.payload.logger.error({
            err,
            msg: `${feature} cannot use RATE_LIMIT_DATABASE_URL: counting in memory instead.`,
          })
        }
      }
      return operation(memory[name])
    },
  }
}
