import type { CollectionSlug, JoinQuery, Payload, PayloadRequest, SelectType, TypedUser } from 'payload'

import type { DocumentID } from '../types'

/**
 * Context flag on the plugin's own reads of a document: the `readMore` read hook then leaves the
 * rows as stored, because the caller checks each target with the reader's access itself.
 */
export const READ_MORE_INTERNAL = 'readMoreInternalRead'

/**
 * `joins: false` for a collection known only by its slug: the generated join types of all
 * collections together reduce to `undefined`, though `false` is valid for each one.
 */
export const NO_JOINS = false as unknown as JoinQuery<CollectionSlug>

export type FoundDocument = { id: DocumentID } & Record<string, unknown>

type ReadArgs = {
  collection: string
  ids: DocumentID[]
  payload: Payload
  select?: SelectType
  /** Skip access control: for trusted checks of existence only. */
  trusted?: boolean
  /** The reader; `null` asks as the public does. */
  user?: null | PayloadRequest['user'] | TypedUser
}

/**
 * The documents among `ids` that `user` may read, by the collection's own read access. Asked
 * without `req` on purpose: the Local API would overwrite the request's user, depth and context.
 */
export const findReadable = async ({ collection, ids, payload, select = {}, trusted = false, user }: ReadArgs): Promise<Map<string, FoundDocument>> => {
  const unique = [...new Set(ids.map(String))]
  if (!unique.length) return new Map()
  const { docs } = await payload.find({
    collection: collection as CollectionSlug,
    depth: 0,
    draft: false,
    joins: NO_JOINS,
    limit: unique.length,
    overrideAccess: trusted,
    pagination: false,
    select,
    // By id, not the collection's default sort: sorting by a date let SQLite walk the whole date index.
    sort: 'id',
    user: trusted ? undefined : (user ?? undefined),
    where: { id: { in: unique } },
  })
  return new Map((docs as unknown as FoundDocument[]).map((doc) => [String(doc.id), doc]))
}

const cacheKey = 'readMoreReadable'

/**
 * `findReadable`, remembered for the rest of the request: a list of documents asks once per
 * linked id, not once per document.
 */
export const readableIDs = async (req: PayloadRequest, collection: string, ids: DocumentID[]): Promise<Set<string>> => {
  req.context[cacheKey] ??= new Map<string, boolean>()
  const cache = req.context[cacheKey] as Map<string, boolean>
  const reader = req.user ? `${req.user.collection}:${req.user.id}` : 'public'
  const key = (value: DocumentID) => `${reader}|${collection}|${value}`
  const unknown = [...new Set(ids.map(String))].filter((value) => !cache.has(key(value)))
  if (unknown.length) {
    const found = await findReadable({ collection, ids: unknown, payload: req.payload, user: req.user })
    for (const value of unknown) cache.set(key(value), found.has(value))
  }
  return new Set(ids.map(String).filter((value) => cache.get(key(value))))
}
