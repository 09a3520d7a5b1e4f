import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import { invalidateOriginCache } from '@/originCache/invalidateOriginCache'

type Client = SQLiteAdapter['client']
export type Statement = { args: unknown[]; sql: string }
type PlanRow = { detail: string; id: number; parent: number }

/** Runs `work` and returns every SELECT the adapter sent to SQLite meanwhile, with its arguments. */
const captureSQLiteSelects = async (payload: Payload, work: () => Promise<unknown>): Promise<Statement[]> => {
  const client = (payload.db as unknown as SQLiteAdapter).client
  const execute = client.execute
  const seen: Statement[] = []
  client.execute = ((statement: Parameters<Client['execute']>[0]) => {
    const { args = [], sql } = typeof statement === 'string' ? { sql: statement } : (statement as Statement)
    if (/^\s*select/i.test(sql)) seen.push({ args: args as unknown[], sql })
    return execute.call(client, statement as never)
  }) as Client['execute']
  try {
    await work()
  } finally {
    client.execute = execute
  }
  return seen
}

type Query = (config: string | { text: string; values?: unknown[] }, values?: unknown[]) => Promise<unknown>

/**
 * The same on PostgreSQL: what Drizzle sent through the adapter's pool, reads outside a
 * transaction. A statement opening with `WITH` (the read-more ranking) counts as a read too.
 */
const capturePostgresSelects = async (payload: Payload, work: () => Promise<unknown>): Promise<Statement[]> => {
  const pool = (payload.db as unknown as PostgresAdapter).pool as unknown as { query: Query }
  const query = pool.query
  const seen: Statement[] = []
  pool.query = (config, values) => {
    const sql = typeof config === 'string' ? config : config.text
    if (/^\s*(?:select|with)\b/i.test(sql)) seen.push({ args: values ?? (typeof config === 'string' ? [] : (config.values ?? [])), sql })
    return query.call(pool, config, values)
  }
  try {
    await work()
  } finally {
    pool.query = query
  }
  return seen
}

/** Runs `work` and returns every read the adapter sent to the database meanwhile, with its arguments. */
export const captureSelects = async (payload: Payload, work: () => Promise<unknown>): Promise<Statement[]> => {
  // Asked of the database, not the origin cache: an answer cached earlier would run no statement.
  await invalidateOriginCache(payload)
  return payload.db.name === 'postgres' ? capturePostgresSelects(payload, work) : captureSQLiteSelects(payload, work)
}

type PostgresPlanNode = {
  'Actual Loops'?: number
  'Actual Rows'?: number
  'Node Type': string
  Plans?: PostgresPlanNode[]
  'Relation Name'?: string
}

/** Every node of PostgreSQL's plan for a statement with its own parameters, subplans and CTEs included. */
const postgresPlanNodes = async (payload: Payload, { args, sql }: Statement, options: string): Promise<PostgresPlanNode[]> => {
  const { pool } = payload.db as unknown as PostgresAdapter
  const { rows } = await pool.query<{ 'QUERY PLAN': { Plan: PostgresPlanNode }[] }>(`EXPLAIN (${options}) ${sql}`, args)
  const flatten = (node: PostgresPlanNode): PostgresPlanNode[] => [node, ...(node.Plans ?? []).flatMap(flatten)]
  return flatten(rows[0]['QUERY PLAN'][0].Plan)
}

/** The sequential scans of `tables` in PostgreSQL's plan for a statement: a pass over a table grows with the archive. */
export const postgresSequentialScans = async (payload: Payload, statement: Statement, tables: string[]): Promise<string[]> =>
  (await postgresPlanNodes(payload, statement, 'FORMAT JSON'))
    .filter((node) => node['Node Type'] === 'Seq Scan' && tables.includes(node['Relation Name'] ?? ''))
    .map((node) => `Seq Scan on ${node['Relation Name']}`)

/**
 * How many rows of `table` PostgreSQL reads to run a statement (EXPLAIN ANALYZE: it runs it), by
 * any path: an index walk over a whole posting list grows with the archive as a table scan does.
 */
export const postgresRowsRead = async (payload: Payload, statement: Statement, table: string): Promise<number> =>
  (await postgresPlanNodes(payload, statement, 'ANALYZE, FORMAT JSON'))
    .filter((node) => node['Relation Name'] === table)
    .reduce((sum, node) => sum + (node['Actual Rows'] ?? 0) * (node['Actual Loops'] ?? 1), 0)

// Rows looked up by primary key or by the one document they belong to (its array and relationship
// rows, a story's comments): a handful, however big the archive.
const BOUNDED_LOOKUP = /USING INTEGER PRIMARY KEY|[( ](?:_?parent_id|article_id|rowid)=\?/

/**
 * What in a statement's plan grows with the archive:
 * - `SCAN <table>`: a full pass over a table (scans of subquery results are fine);
 * - a temporary B-tree (sort, DISTINCT, GROUP BY) over rows that were not looked up by id or parent,
 *   that is, SQLite collecting and sorting every matching story instead of reading an index in order.
 */
export const planProblems = async (payload: Payload, { args, sql }: Statement): Promise<string[]> => {
  const client = (payload.db as unknown as SQLiteAdapter).client
  const tables = new Set(
    (await client.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")).rows.map((row) => String(row.name)),
  )
  const plan = (await client.execute({ args: args as never, sql: `EXPLAIN QUERY PLAN ${sql}` })).rows as unknown as PlanRow[]
  // Payload names some subqueries after their table (`authors_links`): scanning those is fine.
  const subqueries = new Set(plan.map((row) => /^(?:CO-ROUTINE|MATERIALIZE) (\S+)/.exec(row.detail)?.[1]))
  const problems: string[] = []
  // A lookup by a list of ids must go by primary key, not walk an index in some order and test each row.
  const listedTable = /^select .*? from "(\w+)"/is.exec(sql)?.[1]
  const byIDs = listedTable !== undefined && sql.includes(`"${listedTable}"."id" in (`)
  for (const row of plan) {
    if (byIDs && row.detail.startsWith(`SEARCH ${listedTable} `) && !BOUNDED_LOOKUP.test(row.detail)) {
      problems.push(`${row.detail} for a list of ids`)
    }
    const scanned = /^SCAN (\S+)/.exec(row.detail)?.[1]
    if (scanned && tables.has(scanned) && !subqueries.has(scanned)) problems.push(row.detail)
    if (row.detail.startsWith('USE TEMP B-TREE')) {
      const siblings = plan.filter((other) => other.parent === row.parent && /^SEARCH /.test(other.detail))
      if (siblings.length === 0 || !siblings.every((other) => BOUNDED_LOOKUP.test(other.detail))) {
        problems.push(`${row.detail} after ${siblings.map((other) => other.detail).join('; ') || 'no index search'}`)
      }
    }
  }
  return problems
}
