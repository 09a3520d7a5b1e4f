import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

/**
 * The rows `ANALYZE` would write to `sqlite_stat1`, for the indexes that decide how a story list
 * filtered by tag or byline, and a story's comments, are read ("<rows> <rows per value of the
 * first column> <rows per value of the first two> ...").
 *
 * SQLite has two ways to list the ten newest published stories of a tag:
 * - collect every story of the tag through the relationship index, then sort them all;
 * - read published stories newest first through (_status, published_at, created_at) and keep those
 *   carrying the tag, stopping at ten.
 * With no statistics, or with the averages a real archive gives (a tag on ~0.5% of stories), it
 * takes the first, whose cost grows with the archive: the tags readers follow most are on thousands
 * of stories, all sorted on every request. These figures describe what matters instead, a tag or
 * byline on a large share of the archive, so it takes the second. Copying statistics to pin plans
 * is SQLite's documented way to steer its planner (sqlite.org/optoverview.html, "Manual Control Of
 * Query Plans Using SQLITE_STAT Tables"); tests/db/query-plans.test.ts checks the plans.
 */
const STATISTICS: { index: string; stat: string; table: string }[] = [
  { index: '_status_publishedAt_createdAt_idx', stat: '20000 10000 2 1', table: 'articles' },
  { index: 'articles__status_idx', stat: '20000 10000', table: 'articles' },
  { index: 'articles_rels_parent_idx', stat: '60000 5', table: 'articles_rels' },
  { index: 'articles_rels_read_more_parent_idx', stat: '60000 5 3 1', table: 'articles_rels' },
  { index: 'articles_rels_tags_id_idx', stat: '60000 20000', table: 'articles_rels' },
  { index: 'articles_rels_read_more_topic_idx', stat: '60000 20000 20000 1', table: 'articles_rels' },
  { index: 'articles_rels_authors_id_idx', stat: '60000 20000', table: 'articles_rels' },
  // A comment status covers a large share of all comments: a lookup by a list of ids (the comments
  // a story's join found) goes by primary key, not through every approved comment in date order.
  { index: 'comments_status_idx', stat: '80000 20000', table: 'comments' },
  { index: 'status_createdAt_idx', stat: '80000 20000 1', table: 'comments' },
  { index: 'article_status_createdAt_idx', stat: '80000 4 3 1', table: 'comments' },
]

/**
 * Writes the statistics on every start: a migration that rebuilds one of these tables drops its
 * rows, and a manual `ANALYZE` replaces them with averages. `ANALYZE sqlite_schema` makes the
 * connection reload them without analysing anything.
 */
export const pinPlannerStatistics = async (payload: Payload): Promise<void> => {
  const { client } = payload.db as unknown as SQLiteAdapter
  const existing = new Set(
    (await client.execute("SELECT name FROM sqlite_schema WHERE type = 'index'")).rows.map((row) => String(row.name)),
  )
  const missing = STATISTICS.filter(({ index }) => !existing.has(index))
  if (missing.length) {
    payload.logger.warn(`Planner statistics skipped for missing indexes: ${missing.map(({ index }) => index).join(', ')}`)
  }
  const rows = STATISTICS.filter(({ index }) => existing.has(index))
  // Creates sqlite_stat1 when it does not exist yet; nothing is analysed on an empty schema object.
  await client.execute('ANALYZE sqlite_schema')
  await client.batch(
    [
      {
        args: rows.map(({ index }) => index),
        sql: `DELETE FROM sqlite_stat1 WHERE idx IN (${rows.map(() => '?').join(', ')})`,
      },
      ...rows.map(({ index, stat, table }) => ({
        args: [table, index, stat],
        sql: 'INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)',
      })),
    ],
    'write',
  )
  await client.execute('ANALYZE sqlite_schema')
}
