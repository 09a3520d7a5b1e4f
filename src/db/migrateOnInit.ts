import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Migration, Payload } from 'payload'

import { migrations } from '../migrations'

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

/**
 * Brings a fresh or older database up to the committed schema on every start, dev or
 * production alike. The `payload` CLI skips onInit, so `migrate:create` sees the database as it is.
 */
export const migrateOnInit = async (payload: Payload): Promise<void> => {
  // The generated list is typed with the adapter's argument types; Payload's generic type takes `unknown`.
  await runMigrations(payload, migrations as unknown as Migration[])
}
