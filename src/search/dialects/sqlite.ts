import type { SQLiteAdapter } from '@payloadcms/db-sqlite'

import { sql } from '@payloadcms/db-sqlite'

import type { SearchDialect, Target } from './types'

import { MARK_END, MARK_START } from '../highlight'
import { connectionFor } from './connection'

type Database = SQLiteAdapter['drizzle']

const connect = async ({ payload, req }: Target) => (await connectionFor(payload, req)) as Database

/**
 * Each term as an FTS5 string (a term is letters and digits only, see searchArgs), every one
 * required, the last also as a prefix so that a query typed halfway ("harb") finds "harbour".
 */
const matchExpression = (terms: string[]): string =>
  terms.map((term, index) => (index === terms.length - 1 ? `"${term}"*` : `"${term}"`)).join(' ')

/**
 * SQLite: the FTS5 table `search_index(title, excerpt, body, topics)` keyed by the story's id as
 * its rowid (src/migrations/sqlite/…_search_index.ts), ranked by bm25 with the title weighing most.
 */
export const sqliteSearch: SearchDialect = {
  adapterName: 'sqlite',
  hasRows: async (target) => (await (await connect(target)).all(sql`SELECT 1 FROM search_index LIMIT 1`)).length > 0,
  rankByAnyTerm: async (target, { exclude, limit, terms }) => {
    // Terms are letters and digits only (wordsOf); the column filter leaves the body out.
    const match = `{title excerpt topics} : (${terms.map((term) => `"${term}"`).join(' OR ')})`
    const excluded = exclude.length ? sql`AND rowid NOT IN (${sql.join(exclude.map((id) => sql`${id}`), sql`, `)})` : sql``
    const rows = await (await connect(target)).all<{ id: number }>(sql`
      SELECT rowid AS id FROM search_index WHERE search_index MATCH ${match} ${excluded}
      ORDER BY bm25(search_index, 10.0, 4.0, 1.0, 3.0), rowid DESC LIMIT ${limit}`)
    return rows.map(({ id }) => id)
  },
  readSummary: async (target, id) => {
    const [row] = await (await connect(target)).all<{ excerpt: string; title: string }>(
      sql`SELECT title, excerpt FROM search_index WHERE rowid = ${id}`,
    )
    return row
  },
  remove: async (target, id) => {
    await (await connect(target)).run(sql`DELETE FROM search_index WHERE rowid = ${id}`)
  },
  search: async (target, { limit, offset, terms }) => {
    const db = await connect(target)
    const match = matchExpression(terms)
    const [{ total }] = await db.all<{ total: number }>(sql`SELECT count(*) AS total FROM search_index WHERE search_index MATCH ${match}`)
    const hits = await db.all<{ id: number; snippet: string }>(sql`
      SELECT rowid AS id, snippet(search_index, -1, ${MARK_START}, ${MARK_END}, '…', 24) AS snippet
      FROM search_index WHERE search_index MATCH ${match}
      ORDER BY bm25(search_index, 10.0, 4.0, 1.0, 3.0), rowid DESC
      LIMIT ${limit} OFFSET ${offset}`)
    return { hits, total: Number(total) }
  },
  upsert: async (target, { body, excerpt, id, title, topics }) => {
    const db = await connect(target)
    // FTS5 has no upsert: the old row goes first, in the same transaction.
    await db.run(sql`DELETE FROM search_index WHERE rowid = ${id}`)
    await db.run(sql`INSERT INTO search_index (rowid, title, excerpt, body, topics) VALUES (${id}, ${title}, ${excerpt}, ${body}, ${topics})`)
  },
}
