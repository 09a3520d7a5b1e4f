import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { index } from '@payloadcms/db-sqlite/drizzle/sqlite-core'
import type { DatabaseAdapterObj } from 'payload'

import { useDurableTransactions } from './durableTransactions'
import { latestVersionsIndex } from './latestVersionsIndex'
import { createWriteLockedClient } from './writeLockedClient'

type SQLiteDatabaseOptions = {
  migrationDir: string
  /** A `file:` URL; its folder is created when missing. */
  url: string
}

/**
 * Payload's SQLite adapter on a client that queues this process's writes on one connection
 * (`writeLockedClient.ts`), with transactions whose failed commits are reported
 * (`durableTransactions.ts`): no write is acknowledged that the file does not hold.
 */
export const sqliteDatabase = ({ migrationDir, url }: SQLiteDatabaseOptions): DatabaseAdapterObj => {
  const adapterObj = sqliteAdapter({
    afterSchemaInit: [latestVersionsIndex(index)],
    client: { url },
    migrationDir,
    // Migrations only, never push mode: the schema a database has is always the committed one.
    push: false,
    // Any object turns transactions on: without it the SQLite adapter writes each statement on its own.
    transactionOptions: {},
  })
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = adapterObj.init(args)
      useDurableTransactions(adapter)
      const { connect } = adapter
      // Payload opens its own client in connect() unless one is set.
      adapter.connect = async (options) => {
        adapter.client ??= await createWriteLockedClient({ url })
        return connect?.call(adapter, options)
      }
      return adapter
    },
  }
}
