import type { PostgresAdapter } from '@payloadcms/db-postgres'

import { sql } from '@payloadcms/db-postgres'

import type { SQLFlavour } from '../sqlFlavour'

import { connectionFor } from '../drizzleSchema'

/** What the dialect asks of a node-postgres Drizzle database or transaction: `execute` with rows. */
type PostgresDatabase = Pick<PostgresAdapter['drizzle'], 'execute'>

/** node-postgres through Drizzle: `execute`, on the request's transaction or the shared connection (the primary, or a replica for reads). */
export const postgresFlavour: SQLFlavour<PostgresDatabase> = {
  connect: async (payload, req) => (await connectionFor(payload, req)) as PostgresDatabase,
  rows: async (db, statement) => (await db.execute(statement)).rows as never,
  run: async (db, statement) => {
    await db.execute(statement)
  },
  sql,
  textType: 'varchar',
}
