import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj, Payload } from 'payload'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { randomBytes } from 'crypto'
import fs from 'fs/promises'
import os from 'os'
import path from 'path'
import pg from 'pg'

import { poolsOf } from '@/db/postgresDatabase'

/**
 * Which database the integration suites run on: SQLite files (`npm test`), or PostgreSQL when
 * TEST_DATABASE=postgres (`npm run test:postgres`).
 */
export const testDialect: 'postgres' | 'sqlite' = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite'

/** A server where the PostgreSQL run may create and drop databases. */
export const postgresAdminURL = (): string =>
  process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

export type ScratchDatabase = {
  /** The SQLite file, for the suites that open it themselves; undefined on PostgreSQL. */
  file?: string
  /** Drops the database and whatever was made for it. */
  drop: () => Promise<void>
  url: string
}

const withAdmin = async <T>(adminURL: string, work: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: adminURL, connectionTimeoutMillis: 5000 })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** A new, empty PostgreSQL database on the server of `adminURL` (by default the test run's). */
export const createPostgresDatabase = async (adminURL = postgresAdminURL()): Promise<ScratchDatabase> => {
  const name = `newsroom_test_${randomBytes(6).toString('hex')}`
  await withAdmin(adminURL, (client) => client.query(`CREATE DATABASE ${name}`))
  const url = new URL(adminURL)
  url.pathname = `/${name}`
  return {
    // FORCE ends connections a failed test may have left open (PostgreSQL 13 and later).
    drop: () => withAdmin(adminURL, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
    url: url.toString(),
  }
}

/** A new SQLite file in a temporary folder. */
export const createSQLiteDatabase = async (): Promise<ScratchDatabase> => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-test-'))
  const file = path.join(dir, 'test.db')
  return { drop: () => fs.rm(dir, { force: true, recursive: true }), file, url: `file:${file}` }
}

/** A new database of the test dialect: a file in a temporary folder, or a scratch PostgreSQL database. */
export const createScratchDatabase = (): Promise<ScratchDatabase> =>
  testDialect === 'postgres' ? createPostgresDatabase() : createSQLiteDatabase()

/**
 * Payload's own adapter in push mode on a scratch database, for configs other than the project's
 * (a plugin's scratch config): the schema is theirs, so the project's migrations do not apply.
 */
export const scratchAdapter = (database: ScratchDatabase): DatabaseAdapterObj =>
  testDialect === 'postgres'
    ? postgresAdapter({ pool: { connectionString: database.url }, push: true })
    : sqliteAdapter({ client: { url: database.url }, push: true })

/**
 * Stops Payload and drops its database. Payload's destroy() leaves the PostgreSQL pools (the
 * primary's, each replica's) open: their idle connections close here. The one the adapter keeps
 * checked out for ever is never released, so the pools' end is not awaited; the drop ends that connection.
 */
export const closeAndDrop = async (payload: Payload, database: ScratchDatabase): Promise<void> => {
  if (payload.db.name === 'postgres') {
    for (const pool of poolsOf(payload.db as unknown as PostgresAdapter)) {
      // The drop may end a connection that is still closing; unheard, the pool's 'error' would be unhandled.
      pool.on('error', () => undefined)
      // A client checked out when the drop ends it reports on itself, not on the pool: pg-pool keeps
      // every client it made in `_clients` (not a public field), checked out or idle.
      for (const client of (pool as unknown as { _clients?: pg.Client[] })._clients ?? []) client.on('error', () => undefined)
      void pool.end()
    }
  }
  await payload.destroy()
  await database.drop()
}

/** Runs one SQL statement, as written and without parameters, on either dialect's adapter; returns its rows. */
export const executeSQL = async (payload: Payload, statement: string): Promise<Record<string, unknown>[]> => {
  if (payload.db.name === 'postgres') return (await (payload.db as unknown as PostgresAdapter).pool.query(statement)).rows
  return (await (payload.db as unknown as SQLiteAdapter).client.execute(statement)).rows
}
