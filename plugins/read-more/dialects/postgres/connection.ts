import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { connectionFor } from '../drizzleSchema'

/** What the dialect asks of a node-postgres Drizzle database or transaction: `execute` with rows. */
export type PostgresDatabase = Pick<PostgresAdapter['drizzle'], 'execute'>

/** The request's transaction, or the shared connection (the primary, or a replica for reads). */
export const postgresConnection = async (payload: Payload, req?: Partial<PayloadRequest>): Promise<PostgresDatabase> =>
  (await connectionFor(payload, req)) as PostgresDatabase

/** Runs a statement and returns its rows. */
export const rowsOf = async <Row extends Record<string, unknown>>(
  db: PostgresDatabase,
  statement: ReturnType<typeof sql>,
): Promise<Row[]> => (await db.execute(statement)).rows as Row[]

/** A quoted table or column name: every name comes from the built schema, never from a request. */
export const id = (name: string) => sql.identifier(name)
