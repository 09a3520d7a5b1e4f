import { sql } from '@payloadcms/db-sqlite'

import type { DocumentID } from '../../types'
import type { RankedDocument, RankStatementArgs } from '../types'

import { getCollectionTables } from '../drizzleSchema'
import { id, sqliteConnection } from './connection'

/** Builds the ranking statement; exported so the query plan can be checked by a test. */
export const buildRankQuery = ({ candidatesPerTopic, exclude, limit, options, payload, slug, topics }: RankStatementArgs) => {
  const tables = getCollectionTables(payload, slug, options.tagsField)
  const published = tables.statusColumn ? sql`AND a.${id(tables.statusColumn)} = 'published'` : sql``
  const rels = id(tables.rels)
  const parent = id(tables.parentColumn)
  const path = id(tables.pathColumn)
  const topic = id(tables.topicColumn)
  // One bounded walk per topic over the (topic, path, parent) index, newest documents first.
  // Drafts are left out by the scoring below: checking them here would cost a lookup per row.
  const walks = topics.map(
    ({ topic: value }) => sql`SELECT id FROM (
      SELECT r.${parent} AS id FROM ${rels} r
      WHERE r.${topic} = ${value} AND r.${path} = ${options.tagsField}
      ORDER BY r.${parent} DESC LIMIT ${candidatesPerTopic})`,
  )
  const weights = sql.join(
    topics.map(({ topic: value, weight }) => sql`(${value}, ${weight})`),
    sql`, `,
  )
  const excluded = exclude.length
    ? sql`AND c.id NOT IN (${sql.join(
        exclude.map((value) => sql`${value}`),
        sql`, `,
      )})`
    : sql``
  // Scores the few hundred candidates through the (parent, path, topic) index. CROSS JOIN fixes
  // the join order: left to itself SQLite may drive it from the path or topic side instead and
  // walk every relationship row of the collection.
  return sql`
    WITH weights(topic, weight) AS (VALUES ${weights}),
    candidates(id) AS (${sql.join(walks, sql` UNION `)})
    SELECT c.id AS id, SUM(w.weight) AS score
    FROM candidates c
    CROSS JOIN ${rels} r ON r.${parent} = c.id AND r.${path} = ${options.tagsField}
    CROSS JOIN weights w ON w.topic = r.${topic}
    CROSS JOIN ${id(tables.main)} a ON a.id = c.id
    WHERE true ${published} ${excluded}
    GROUP BY c.id
    ORDER BY score DESC, a.${id(tables.dateColumn)} DESC, c.id DESC
    LIMIT ${limit}`
}

/** Runs the ranking statement on the shared connection: a read, outside any write's transaction. */
export const rankCandidates = async (args: RankStatementArgs): Promise<RankedDocument[]> => {
  const db = await sqliteConnection(args.payload)
  const rows = await db.all<{ id: DocumentID; score: number }>(buildRankQuery(args))
  return rows.map((row) => ({ id: row.id, score: Number(row.score) }))
}
