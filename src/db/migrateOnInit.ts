import type { Migration, Payload } from 'payload'

import { migrations } from '../migrations'

/**
 * Brings a fresh or older database up to the committed schema on every start, dev or
 * production alike. The `payload` CLI skips onInit, so `migrate:create` sees the database as it is.
 */
export const migrateOnInit = async (payload: Payload): Promise<void> => {
  // The generated list is typed with the adapter's argument types; Payload's generic type takes `unknown`.
  await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
}
