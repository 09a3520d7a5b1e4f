import type { CollectionSlug, PayloadRequest } from 'payload'

import type { DocumentID } from '../types'

import { DEFAULT_MAX_LIMIT } from './sanitizeOptions'
import { SETTINGS_KEY } from './settingsOf'

const CACHE_KEY = 'publicReadsReadable'

/** The page size of the clamp: larger checks are split so that the clamp cannot cut them short. */
const pageSize = (req: PayloadRequest): number =>
  (req.payload.config.custom?.[SETTINGS_KEY] as { maxLimit?: number } | undefined)?.maxLimit ?? DEFAULT_MAX_LIMIT

const findReadable = async (req: PayloadRequest, collection: CollectionSlug, ids: string[]): Promise<Set<string>> => {
  const found = new Set<string>()
  const size = pageSize(req)
  for (let start = 0; start < ids.length; start += size) {
    const page = ids.slice(start, start + size)
    // A request of its own (no shared context; the reader's own access decides) in the caller's
    // transaction: on a pooled database (PostgreSQL) a read outside it would wait for a second
    // connection while holding the first, and concurrent writes would exhaust the pool.
    // A collection the reader may not read at all answers with no documents instead of a 403.
    const { docs } = await req.payload.find({
      collection,
      depth: 0,
      disableErrors: true,
      limit: page.length,
      overrideAccess: false,
      pagination: false,
      req: { transactionID: req.transactionID },
      select: {},
      user: req.user,
      where: { id: { in: page } },
    })
    for (const doc of docs) found.add(String(doc.id))
  }
  return found
}

/**
 * The subset of `ids` in `collection` that the request's user may read, by that collection's own
 * access. Remembered for the rest of the request, as promises, so documents read side by side
 * share one query per related id instead of each asking for it.
 */
export const readableIDs = async (req: PayloadRequest, collection: CollectionSlug, ids: DocumentID[]): Promise<Set<string>> => {
  req.context[CACHE_KEY] ??= new Map<string, Promise<boolean>>()
  const cache = req.context[CACHE_KEY] as Map<string, Promise<boolean>>
  const reader = req.user ? `${req.user.collection}:${req.user.id}` : 'anyone'
  const key = (id: string) => `${reader}|${collection}|${id}`
  const unique = [...new Set(ids.map(String))]
  const unknown = unique.filter((id) => !cache.has(key(id)))
  if (unknown.length) {
    const found = findReadable(req, collection, unknown)
    for (const id of unknown) cache.set(key(id), found.then((readable) => readable.has(id)))
  }
  const answers = await Promise.all(unique.map(async (id) => ((await cache.get(key(id))) ? id : undefined)))
  const readable = new Set(answers.filter((id) => id !== undefined))
  return new Set(ids.map(String).filter((id) => readable.has(id)))
}
