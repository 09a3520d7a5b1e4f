import type { Payload } from 'payload'

import type { RankedDocument, RankStatementArgs } from '../dialects/types'
import type { DocumentID, SanitizedReadMoreOptions } from '../types'

import { getDialect } from '../dialects'

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

/**
 * Weights reach the database as whole multiples of 1/WEIGHT_SCALE. A sum of floats depends on the
 * order the rows are added in, which differs between dialects and plans; a sum of whole numbers
 * (below 2^53) does not, so equal scores tie on every database and the date decides.
 */
export const WEIGHT_SCALE = 1e9

export type RankArgs = {
  /** Ids that must not come back: the document itself and its curated links. */
  exclude: DocumentID[]
  /** Documents carrying any of these topics must not come back (`excludeTags`). */
  excludedTopics?: DocumentID[]
  limit: number
  /** Only documents dated at or after this ISO time (`maxAgeDays`). */
  notBefore?: string
  options: SanitizedReadMoreOptions
  payload: Payload
  slug: string
  /** The document's topics that the public may read. */
  topics: DocumentID[]
}

/** What the dialect's ranking statement needs: the rarest topics with their weights; undefined when none is left. */
export const rankStatement = async ({ topics, ...args }: RankArgs): Promise<RankStatementArgs | undefined> => {
  const { options, payload, slug } = args
  const { byTopic, total } = await getDialect(payload).readTopicCounts({ options, payload, slug }, topics)
  const weighted = topics
    .map((topic) => ({ topic, weight: topicWeight(total, byTopic.get(String(topic)) ?? 0) }))
    .sort((a, b) => b.weight - a.weight)
    .slice(0, MAX_RANKED_TOPICS)
  const scaled = weighted.map(({ topic, weight }) => ({ topic, weight: Math.round(weight * WEIGHT_SCALE) }))
  return scaled.length
    ? { ...args, candidatesPerTopic: CANDIDATES_PER_TOPIC, excludedTopics: args.excludedTopics ?? [], topics: scaled }
    : undefined
}

/**
 * Published documents of the collection that share public topics with one document, best first:
 * by the sum of the shared topics' weights, then the newer date; none scoring under `minScore`. Runs as one SQL statement (plus
 * one indexed lookup of the topic counts), so its cost does not grow with the archive.
 */
export const rankRelated = async (args: RankArgs): Promise<RankedDocument[]> => {
  if (!args.topics.length || args.limit < 1) return []
  const statement = await rankStatement(args)
  const ranked = statement ? await getDialect(args.payload).rankCandidates(statement) : []
  // Best first, so the documents under the threshold are a tail: dropping it keeps the order.
  return ranked.filter(({ score }) => score >= args.options.minScore * WEIGHT_SCALE)
}
