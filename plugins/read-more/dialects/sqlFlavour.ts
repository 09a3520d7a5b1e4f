import type { SQL, sql as drizzleSQL } from 'drizzle-orm'
import type { Payload, PayloadRequest } from 'payload'

/**
 * What the statements shared by every dialect need from one: its `sql` template (each adapter
 * re-exports Drizzle's), how it reaches the request's transaction or the shared connection, and
 * how it runs a statement. The statements a dialect writes its own way live in its folder.
 */
export type SQLFlavour<Database> = {
  connect: (payload: Payload, req?: Partial<PayloadRequest>) => Promise<Database>
  /** Runs a statement and returns its rows. */
  rows: <Row extends Record<string, unknown>>(db: Database, statement: SQL) => Promise<Row[]>
  /** Runs a statement that returns nothing. */
  run: (db: Database, statement: SQL) => Promise<void>
  sql: typeof drizzleSQL
  /** The name of a text column's type, for values that have none of their own (`TEXT`, `varchar`). */
  textType: string
}
