import type { RankStatementArgs } from '../types'

import { rankCandidatesWith, rankingParts } from '../rankingParts'
import { sqliteFlavour } from './connection'

const { sql } = sqliteFlavour

/** Builds the ranking statement; exported so the query plan can be checked by a test. */
export const buildRankQuery = (args: RankStatementArgs) => {
  const { candidatesPerTopic, limit, options, topics } = args
  const { date, excluded, main, parent, path, published, recent, rels, topic } = rankingParts(sqliteFlavour, args)
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
    CROSS JOIN ${main} a ON a.id = c.id
    WHERE true ${published} ${recent} ${excluded}
    GROUP BY c.id
    ORDER BY score DESC, a.${date} DESC, c.id DESC
    LIMIT ${limit}`
}

export const rankCandidates = rankCandidatesWith(sqliteFlavour, buildRankQuery)
