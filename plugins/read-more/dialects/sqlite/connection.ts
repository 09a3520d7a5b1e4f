import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload, PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-sqlite'

import { connectionFor } from '../drizzleSchema'

export type SQLiteDatabase = SQLiteAdapter['drizzle']

/** The request's transaction, or the shared connection, with libsql's `run` and `all`. */
export const sqliteConnection = async (payload: Payload, req?: Partial<PayloadRequest>): Promise<SQLiteDatabase> =>
  (await connectionFor(payload, req)) as SQLiteDatabase

/** A quoted table or column name: every name comes from the built schema, never from a request. */
export const id = (name: string) => sql.identifier(name)
