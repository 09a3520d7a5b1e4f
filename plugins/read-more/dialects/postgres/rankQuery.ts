import type { RankStatementArgs } from '../types'

import { rankCandidatesWith, rankingParts } from '../rankingParts'
import { postgresFlavour } from './connection'

const { sql } = postgresFlavour

/** Builds the ranking statement, as on SQLite (see there) but with every parameter typed by its column. */
export const buildRankQuery = (args: RankStatementArgs) => {
  const { candidatesPerTopic, limit, options, topics } = args
  const { date, excluded, list, main, parent, path, published, rels, topic } = rankingParts(postgresFlavour, args)
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
  // Scores the few hundred candidates through the (parent, path, topic) index.
  return sql`
    WITH candidates AS (${sql.join(walks, sql` UNION `)})
    SELECT c.id AS id, SUM(${weight}) AS score
    FROM candidates c
    JOIN ${rels} r ON r.${parent} = c.id AND r.${path} = ${options.tagsField}
    JOIN ${main} a ON a.id = c.id
    WHERE r.${topic} IN (${list(topics.map(({ topic: value }) => value))}) ${published} ${excluded}
    GROUP BY c.id, a.${date}
    ORDER BY score DESC, a.${date} DESC NULLS LAST, c.id DESC
    LIMIT ${limit}`
}

export const rankCandidates = rankCandidatesWith(postgresFlavour, buildRankQuery)
