import type { RankStatementArgs } from '../types'

import { rankCandidatesWith, rankingParts } from '../rankingParts'
import { postgresFlavour } from './connection'

const { sql } = postgresFlavour

/** Builds the ranking statement, as on SQLite (see there) but with every parameter typed by its column. */
export const buildRankQuery = (args: RankStatementArgs) => {
  const { candidatesPerTopic, limit, options, topics } = args
  const { date, excluded, list, main, parent, path, published, recent, rels, topic } = rankingParts(postgresFlavour, args)
  const walks = topics.map(
    ({ topic: value }) => sql`(
      SELECT r.${parent} AS id FROM ${rels} r
      WHERE r.${topic} = ${value} AND r.${path} = ${options.tagsField}
      ORDER BY r.${parent} DESC LIMIT ${candidatesPerTopic})`,
  )
  // Each topic's weight by a CASE on the column, so every parameter takes the column's type
  // (a VALUES list of parameters would be text, whatever the id type).
  const weight = sql`CASE r.${topic} ${sql.join(
    topics.map(({ topic: value, weight: w }) => sql`WHEN ${value} THEN CAST(${w} AS bigint)`),
    sql` `,
  )} END`
  // Scores each candidate on its own (a LATERAL subquery with GROUP BY is never flattened into a
  // join): its row by primary key, its topics through the (parent, path, topic) index. Left to
  // join freely, PostgreSQL hashed every relationship row of the shared topics, or read the whole
  // main table, instead of looking up the few hundred candidates (6 ms instead of 1 at 20,000 stories).
  return sql`
    WITH candidates AS (${sql.join(walks, sql` UNION `)})
    SELECT c.id AS id, s.score AS score
    FROM candidates c
    CROSS JOIN LATERAL (
      SELECT a.${date} AS date, SUM(${weight}) AS score
      FROM ${main} a JOIN ${rels} r ON r.${parent} = a.id AND r.${path} = ${options.tagsField}
      WHERE a.id = c.id AND r.${topic} IN (${list(topics.map(({ topic: value }) => value))}) ${published} ${recent}
      GROUP BY a.${date}
    ) s
    WHERE true ${excluded}
    ORDER BY s.score DESC, s.date DESC NULLS LAST, c.id DESC
    LIMIT ${limit}`
}

export const rankCandidates = rankCandidatesWith(postgresFlavour, buildRankQuery)
