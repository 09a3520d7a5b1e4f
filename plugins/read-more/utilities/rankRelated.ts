import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-sqlite'

import type { SanitizedReadMoreOptions } from '../types'
import type { DocumentID } from '../types'

import { getCollectionTables, getDatabase } from './sqlite'
import { topicCollectionOf } from './topicCollection'
import { readTopicCounts } from './topicCounts'

/**
 * How many of the newest documents are taken from each shared topic. It bounds the work per
 * request whatever the archive's size; a document missed by every bound shares only topics that
 * at least this many newer documents share too.
 */
export const CANDIDATES_PER_TOPIC = 50

/** The rarest topics used for ranking; a document with more is ranked by these. */
export const MAX_RANKED_TOPICS = 12

/** A topic's weight grows as it gets rarer: ln(1 + N / df), with N published documents and df carrying it. */
export const topicWeight = (total: number, documents: number): number => Math.log(1 + total / Math.max(documents, 1))

export type RankArgs = {
  /** Ids that must not come back: the document itself and its curated links. */
  exclude: DocumentID[]
  limit: number
  options: SanitizedReadMoreOptions
  payload: Payload
  slug: string
  /** The document's topics that the public may read. */
  topics: DocumentID[]
}

export type RankedDocument = { id: DocumentID; score: number }

const id = (name: string) => sql.identifier(name)

/** Builds the ranking statement; exported so the query plan can be checked by a test. */
export const buildRankQuery = async ({ exclude, limit, options, payload, slug, topics }: RankArgs) => {
  const tables = getCollectionTables(payload, slug, topicCollectionOf(payload, slug, options.tagsField))
  const { byTopic, total } = await readTopicCounts({ options, payload, slug }, topics)
  const weighted = topics
    .map((topic) => ({ topic, weight: topicWeight(total, byTopic.get(String(topic)) ?? 0) }))
    .sort((a, b) => b.weight - a.weight)
    .slice(0, MAX_RANKED_TOPICS)
  if (!weighted.length) return undefined

  const published = tables.statusColumn ? sql`AND a.${id(tables.statusColumn)} = 'published'` : sql``
  const rels = id(tables.rels)
  const parent = id(tables.parentColumn)
  const path = id(tables.pathColumn)
  const topic = id(tables.topicColumn)
  // One bounded walk per topic over the (topic, path, parent) index, newest documents first.
  // Drafts are left out by the scoring below: checking them here would cost a lookup per row.
  const walks = weighted.map(
    ({ topic: value }) => sql`SELECT id FROM (
      SELECT r.${parent} AS id FROM ${rels} r
      WHERE r.${topic} = ${value} AND r.${path} = ${options.tagsField}
      ORDER BY r.${parent} DESC LIMIT ${CANDIDATES_PER_TOPIC})`,
  )
  const weights = sql.join(
    weighted.map(({ topic: value, weight }) => sql`(${value}, ${weight})`),
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

/**
 * Published documents of the collection that share public topics with one document, best first:
 * by the sum of the shared topics' weights, then the newer date. Runs as one SQL statement (plus
 * one indexed lookup of the topic counts), so its cost does not grow with the archive.
 */
export const rankRelated = async (args: RankArgs): Promise<RankedDocument[]> => {
  if (!args.topics.length || args.limit < 1) return []
  const query = await buildRankQuery(args)
  if (!query) return []
  const db = await getDatabase(args.payload)
  const rows = await db.all<{ id: DocumentID; score: number }>(query)
  return rows.map((row) => ({ id: row.id, score: Number(row.score) }))
}
