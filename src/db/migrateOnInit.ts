import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Migration, Payload } from 'payload'

import { migrations as postgresMigrations } from '../migrations/postgres'
import { migrations as sqliteMigrations } from '../migrations/sqlite'

/**
 * Applies pending migrations one by one with SQLite's foreign keys off.
 *
 * Drizzle rebuilds a table to change a column (create a copy, drop the original, rename), and its
 * generated `PRAGMA foreign_keys=OFF` is a no-op inside the transaction Payload wraps each migration
 * in: dropping the original then cascades, and every relationship row pointing at it is deleted.
 * The pragma is therefore set on the connection before Payload opens the migration's transaction
 * (libSQL hands that same connection to the transaction), and restored afterwards.
 */
export const runMigrations = async (payload: Payload, pending: Migration[]): Promise<void> => {
  const { client } = payload.db as unknown as SQLiteAdapter
  for (const migration of pending) {
    await client.execute('PRAGMA foreign_keys = OFF')
    try {
      // Payload skips a migration it has already recorded.
      await payload.db.migrate({ migrations: [migration] })
    } finally {
      await client.execute('PRAGMA foreign_keys = ON')
    }
  }
  const { rows } = await client.execute('PRAGMA foreign_key_check')
  if (rows.length) {
    payload.logger.error({ msg: `Migrations left ${rows.length} rows with broken foreign keys`, rows })
  }
}

/** Any fixed number: the key of the PostgreSQL advisory lock that start-up migrations take. */
const MIGRATION_LOCK = 7_342_101

/**
 * Applies pending migrations on PostgreSQL, one instance at a time: instances started together
 * would otherwise each see a migration as pending and run it twice. The lock is held on a
 * connection of its own, outside the pool that the migrations' transactions use.
 */
export const runPostgresMigrations = async (payload: Payload, pending: Migration[]): Promise<void> => {
  const { pg, poolOptions } = payload.db as unknown as PostgresAdapter
  const lock = new pg.Client(poolOptions)
  await lock.connect()
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
    // Payload reads which migrations are recorded after the lock is taken, and skips those.
    await payload.db.migrate({ migrations: pending })
  } finally {
    await lock.end()
  }
}

/**
 * Brings a fresh or older database up to the committed schema of its dialect on every start, dev
 * or production alike. The `payload` CLI skips onInit, so `migrate:create` sees the database as it is.
 */
export const migrateOnInit = async (payload: Payload): Promise<void> => {
  // The generated lists are typed with the adapters' argument types; Payload's generic type takes `unknown`.
  if (payload.db.name === 'postgres') {
    await runPostgresMigrations(payload, postgresMigrations as unknown as Migration[])
  } else {
    await runMigrations(payload, sqliteMigrations as unknown as Migration[])
  }
}
