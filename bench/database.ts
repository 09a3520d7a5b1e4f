import type { Client } from '@libsql/client'

import { createClient } from '@libsql/client'
import pg from 'pg'

/** What the bench does with a database of either dialect: bulk writes, reads of its own, and the tidy-up after bulk writes. */
export type BenchDatabase = {
  /** Statements run in one transaction. */
  batch: (statements: string[]) => Promise<void>
  close: () => Promise<void>
  dialect: 'postgres' | 'sqlite'
  /** The rows of a statement whose arguments are `?` placeholders. */
  rows: (sql: string, args?: (number | string)[]) => Promise<Record<string, unknown>[]>
  /**
   * After rows were written with explicit ids and behind Payload's back: SQLite checkpoints its WAL
   * (servers start from a checkpointed file, as on a database that has run a while); PostgreSQL moves
   * each table's id sequence past the ids written, so that the next insert does not collide, and
   * ANALYZEs, so that the planner knows the tables' sizes as autovacuum would after a while.
   */
  settle: (tables: readonly string[]) => Promise<void>
}

export const sqliteDatabase = (client: Client): BenchDatabase => ({
  batch: async (statements) => void (await client.batch(statements, 'write')),
  close: async () => client.close(),
  dialect: 'sqlite',
  rows: async (sql, args = []) => (await client.execute({ args, sql })).rows,
  settle: async () => void (await client.execute('PRAGMA wal_checkpoint(TRUNCATE)')),
})

// The bench's own statements never hold a `?` inside a string literal.
const numberedPlaceholders = (sql: string): string => {
  let n = 0
  return sql.replaceAll('?', () => `$${++n}`)
}

export const postgresDatabase = (pool: pg.Pool): BenchDatabase => ({
  batch: async (statements) => {
    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      for (const statement of statements) await client.query(statement)
      await client.query('COMMIT')
    } catch (error) {
      await client.query('ROLLBACK')
      throw error
    } finally {
      client.release()
    }
  },
  close: () => pool.end(),
  dialect: 'postgres',
  rows: async (sql, args = []) => (await pool.query(numberedPlaceholders(sql), args)).rows,
  settle: async (tables) => {
    for (const table of tables) {
      // setval is strict: for a table without a serial id the sequence is NULL and nothing happens.
      await pool.query(
        `SELECT setval(pg_get_serial_sequence($1, 'id'), (SELECT coalesce(max(id), 0) + 1 FROM "${table}"), false)`,
        [`"${table}"`],
      )
    }
    await pool.query('ANALYZE')
  },
})

/** A connection of the bench's own to a `file:` or `postgres://` database. */
export const openBenchDatabase = (url: string): BenchDatabase =>
  url.startsWith('file:')
    ? sqliteDatabase(createClient({ url }))
    : postgresDatabase(new pg.Pool({ connectionString: url, max: 2 }))
