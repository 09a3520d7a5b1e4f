import type { DatabaseAdapterObj, Payload, PayloadRequest } from 'payload'

import type { DocumentID, SanitizedReadMoreOptions } from '../types'

/** One collection's topic counts; `req` joins the statements to the request's transaction. */
export type CountsTarget = {
  options: SanitizedReadMoreOptions
  payload: Payload
  req?: Partial<PayloadRequest>
  slug: string
}

/** A stored document as the counts see it: is it published, and which topics does it carry. */
export type StoredState = { published: boolean; topics: string[] }

export type TopicCounts = { byTopic: Map<string, number>; total: number }

/** A topic and its weight in whole units (`WEIGHT_SCALE` per 1), so that sums are exact. */
export type WeightedTopic = { topic: DocumentID; weight: number }

/** A ranked document; `score` in whole weight units. */
export type RankedDocument = { id: DocumentID; score: number }

export type RankStatementArgs = {
  /** How many of the newest documents to take from each topic's index walk. */
  candidatesPerTopic: number
  /** Ids that must not come back: the document itself and its curated links. */
  exclude: DocumentID[]
  /** Documents carrying any of these topics (`excludeTags`) must not come back. */
  excludedTopics: DocumentID[]
  limit: number
  /** Only documents dated at or after this ISO time (`maxAgeDays`). */
  notBefore?: string
  options: SanitizedReadMoreOptions
  payload: Payload
  slug: string
  /** The document's public topics with their weights, heaviest first; never empty. */
  topics: WeightedTopic[]
}

/**
 * Everything the plugin asks of the database, written for one adapter. The rest of the plugin is
 * portable and reaches the database only through this seam (`getDialect`), so supporting another
 * adapter means adding one module under `dialects/` and listing it in `dialects/index.ts`.
 */
export type ReadMoreDialect = {
  /** The adapter's `name` (`payload.db.name`, `config.db.name`) this dialect is for. */
  adapterName: string
  /** The npm package of that adapter, for error messages. */
  packageName: string
  /** The adapter, with the ranking's covering indexes added to the schema it builds. */
  addTopicIndexes: (db: DatabaseAdapterObj, options: SanitizedReadMoreOptions) => DatabaseAdapterObj
  /** True once the collection's total row exists, i.e. its counts were built at least once. */
  hasTopicCounts: (target: CountsTarget) => Promise<boolean>
  /** The best `limit` published documents sharing the weighted topics, by score then date then id. */
  rankCandidates: (args: RankStatementArgs) => Promise<RankedDocument[]>
  /** The document's row as stored, read in the request's transaction; undefined when there is none. */
  readStoredState: (target: CountsTarget, docID: DocumentID) => Promise<StoredState | undefined>
  /** How many published documents carry each of `topics`, and how many there are in all. */
  readTopicCounts: (target: CountsTarget, topics: DocumentID[]) => Promise<TopicCounts>
  /** Counts every topic of the collection from scratch. */
  rebuildTopicCounts: (target: CountsTarget) => Promise<void>
  /** Recounts `topics` and the collection's total from the stored rows. */
  recountTopics: (target: CountsTarget, topics: DocumentID[]) => Promise<void>
}
