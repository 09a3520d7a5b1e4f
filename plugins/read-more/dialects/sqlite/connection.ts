import type { SQLiteAdapter } from '@payloadcms/db-sqlite'

import { sql } from '@payloadcms/db-sqlite'

import type { SQLFlavour } from '../sqlFlavour'

import { connectionFor } from '../drizzleSchema'

type SQLiteDatabase = SQLiteAdapter['drizzle']

/** libsql through Drizzle: `run` and `all`, on the request's transaction or the shared connection. */
export const sqliteFlavour: SQLFlavour<SQLiteDatabase> = {
  connect: async (payload, req) => (await connectionFor(payload, req)) as SQLiteDatabase,
  rows: (db, statement) => db.all(statement),
  run: async (db, statement) => {
    await db.run(statement)
  },
  sql,
  textType: 'TEXT',
}
