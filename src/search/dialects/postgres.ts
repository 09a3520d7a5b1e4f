import type { PostgresAdapter } from '@payloadcms/db-postgres'

import { sql } from '@payloadcms/db-postgres'

import type { SearchDialect, Target } from './types'

import { MARK_END, MARK_START } from '../highlight'
import { connectionFor } from './connection'

type Database = Pick<PostgresAdapter['drizzle'], 'execute'>

const connect = async ({ payload, req }: Target) => (await connectionFor(payload, req)) as Database

/** Every term required, the last also as a prefix, as on SQLite; terms are letters and digits only (searchArgs). */
const tsQuery = (terms: string[]): string =>
  terms.map((term, index) => (index === terms.length - 1 ? `${term}:*` : term)).join(' & ')

const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, ShortWord=2, FragmentDelimiter=…, MaxFragments=1`

/**
 * PostgreSQL: the table `search_index` with a generated, weighted `tsvector` under a GIN index
 * (src/migrations/postgres/…_search_index.ts), ranked by ts_rank_cd; English stemming, as the
 * porter tokenizer does on SQLite. Angle brackets are read as spaces, as the index reads them
 * (the migration says why), so a snippet there shows `fog` for `<fog>`.
 */
export const postgresSearch: SearchDialect = {
  adapterName: 'postgres',
  hasRows: async (target) => (await (await connect(target)).execute(sql`SELECT 1 FROM search_index LIMIT 1`)).rows.length > 0,
  rankByAnyTerm: async (target, { exclude, limit, terms }) => {
    // Weights A and B: title, excerpt and topics, not the body. English stop words drop out of the query.
    const query = terms.map((term) => `${term}:AB`).join(' | ')
    const excluded = exclude.length ? sql`AND article_id NOT IN (${sql.join(exclude.map((id) => sql`${id}`), sql`, `)})` : sql``
    const found = await (await connect(target)).execute(sql`
      SELECT article_id AS id FROM search_index, to_tsquery('english', ${query}) AS q
      WHERE document @@ q ${excluded}
      ORDER BY ts_rank_cd(document, q) DESC, article_id DESC LIMIT ${limit}`)
    return (found.rows as { id: number }[]).map(({ id }) => id)
  },
  readSummary: async (target, id) => {
    const found = await (await connect(target)).execute(sql`SELECT title, excerpt FROM search_index WHERE article_id = ${id}`)
    return found.rows[0] as undefined | { excerpt: string; title: string }
  },
  remove: async (target, id) => {
    await (await connect(target)).execute(sql`DELETE FROM search_index WHERE article_id = ${id}`)
  },
  search: async (target, { limit, offset, terms }) => {
    const db = await connect(target)
    const query = tsQuery(terms)
    const counted = await db.execute(sql`
      SELECT count(*)::int AS total FROM search_index WHERE document @@ to_tsquery('english', ${query})`)
    const found = await db.execute(sql`
      SELECT article_id AS id,
        ts_headline('english', translate(concat_ws(' ', title, excerpt, body), '<>', '  '), q, ${HEADLINE_OPTIONS}) AS snippet
      FROM search_index, to_tsquery('english', ${query}) AS q
      WHERE document @@ q
      ORDER BY ts_rank_cd(document, q) DESC, article_id DESC
      LIMIT ${limit} OFFSET ${offset}`)
    return { hits: found.rows as { id: number; snippet: string }[], total: Number((counted.rows[0] as { total: number }).total) }
  },
  upsert: async (target, { body, excerpt, id, title, topics }) => {
    await (await connect(target)).execute(sql`
      INSERT INTO search_index (article_id, title, excerpt, body, topics) VALUES (${id}, ${title}, ${excerpt}, ${body}, ${topics})
      ON CONFLICT (article_id) DO UPDATE SET title = excluded.title, excerpt = excluded.excerpt, body = excluded.body, topics = excluded.topics`)
  },
}
