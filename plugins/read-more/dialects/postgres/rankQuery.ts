import { sql } from '@payloadcms/db-postgres'

import type { DocumentID } from '../../types'
import type { RankedDocument, RankStatementArgs } from '../types'

import { getCollectionTables } from '../drizzleSchema'
import { id, postgresConnection, rowsOf } from './connection'

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
    ({ topic: value }) => sql`(
      SELECT r.${parent} AS id FROM ${rels} r
      WHERE r.${topic} = ${value} AND r.${path} = ${options.tagsField}
      ORDER BY r.${parent} DESC LIMIT ${candidatesPerTopic})`,
  )
  // Each topic's weight by a CASE on the column, so every parameter takes the column's type
  // (a VALUES list of parameters would be text, whatever the id type).
  const weight = sql`CASE r.${topic} ${sql.join(
    topics.map(({ topic: value, weight: w }) => sql`WHEN ${value} THEN CAST(${w} AS double precision)`),
    sql` `,
  )} END`
  const excluded = exclude.length
    ? sql`AND c.id NOT IN (${sql.join(
        exclude.map((value) => sql`${value}`),
        sql`, `,
      )})`
    : sql``
  // Scores the few hundred candidates through the (parent, path, topic) index.
  return sql`
    WITH candidates AS (${sql.join(walks, sql` UNION `)})
    SELECT c.id AS id, SUM(${weight}) AS score
    FROM candidates c
    JOIN ${rels} r ON r.${parent} = c.id AND r.${path} = ${options.tagsField}
    JOIN ${id(tables.main)} a ON a.id = c.id
    WHERE r.${topic} IN (${sql.join(
      topics.map(({ topic: value }) => sql`${value}`),
      sql`, `,
    )}) ${published} ${excluded}
    GROUP BY c.id, a.${id(tables.dateColumn)}
    ORDER BY score DESC, a.${id(tables.dateColumn)} DESC NULLS LAST, c.id DESC
    LIMIT ${limit}`
}

/** Runs the ranking statement on the shared connection: a read, outside any write's transaction. */
export const rankCandidates = async (args: RankStatementArgs): Promise<RankedDocument[]> => {
  const db = await postgresConnection(args.payload)
  const rows = await rowsOf<{ id: DocumentID; score: number | string }>(db, buildRankQuery(args))
  return rows.map((row) => ({ id: row.id, score: Number(row.score) }))
}
