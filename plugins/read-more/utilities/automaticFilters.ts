import type { CollectionSlug, Payload } from 'payload'

import type { DocumentID, SanitizedReadMoreOptions } from '../types'

import { dateFieldOf } from '../dialects/drizzleSchema'
import { type FoundDocument, NO_JOINS } from './readableDocuments'
import { relationIDs } from './relationID'
import { topicCollectionOf } from './topicCollection'

const DAY_MS = 24 * 60 * 60 * 1000

/** The ids of the topics `excludeTags` names; none when it names none. */
export const findExcludedTopics = async (payload: Payload, collection: string, options: SanitizedReadMoreOptions): Promise<DocumentID[]> => {
  if (!options.excludeTags.length) return []
  // Trusted: which ids the site's own setting names, internal topics included; nothing of them reaches the reader.
  const { docs } = await payload.find({
    collection: topicCollectionOf(payload, collection, options.tagsField) as CollectionSlug,
    depth: 0,
    joins: NO_JOINS,
    overrideAccess: true,
    pagination: false,
    select: { slug: true },
    where: { slug: { in: [...options.excludeTags] } },
  })
  return docs.map((doc) => doc.id)
}

/** The oldest date an automatic link may carry under `maxAgeDays`, as an ISO time; undefined for any age. */
export const notBeforeOf = (options: SanitizedReadMoreOptions, now = Date.now()): string | undefined =>
  options.maxAgeDays ? new Date(now - options.maxAgeDays * DAY_MS).toISOString() : undefined

/** The fields `isEligible` reads, to add to the `select` of the candidates. */
export const eligibilitySelect = (payload: Payload, collection: string, options: SanitizedReadMoreOptions): Record<string, true> => ({
  [dateFieldOf(payload, collection)]: true,
  [options.tagsField]: true,
})

/**
 * The checks the ranking makes in SQL, made on a document the text-similarity signal named,
 * which knows nothing of `maxAgeDays` or `excludeTags`.
 */
export const isEligible = (
  payload: Payload,
  { collection, doc, excludedTopics, notBefore, options }: { collection: string; doc: FoundDocument; excludedTopics: DocumentID[]; notBefore?: string; options: SanitizedReadMoreOptions },
): boolean => {
  const date = doc[dateFieldOf(payload, collection)]
  if (notBefore && !(typeof date === 'string' && new Date(date).getTime() >= new Date(notBefore).getTime())) return false
  const excluded = new Set(excludedTopics.map(String))
  return !relationIDs(doc[options.tagsField]).some((topic) => excluded.has(String(topic)))
}
