import type { CollectionSlug, PayloadRequest } from 'payload'

import DataLoader from 'dataloader'

import type { DocumentID } from '../types'

import { DEFAULT_MAX_LIMIT } from './sanitizeOptions'
import { SETTINGS_KEY } from './settingsOf'

const CACHE_KEY = 'publicReadsReadable'

/** The page size of the clamp. */
const pageSize = (req: PayloadRequest): number =>
  (req.payload.config.custom?.[SETTINGS_KEY] as { maxLimit?: number } | undefined)?.maxLimit ?? DEFAULT_MAX_LIMIT

const findReadable = async (req: PayloadRequest, collection: CollectionSlug, ids: readonly string[]): Promise<Set<string>> => {
  // A request of its own (no shared context; the reader's own access decides) in the caller's
  // transaction: on a pooled database (PostgreSQL) a read outside it would wait for a second
  // connection while holding the first, and concurrent writes would exhaust the pool.
  // A collection the reader may not read at all answers with no documents instead of a 403.
  const { docs } = await req.payload.find({
    collection,
    depth: 0,
    disableErrors: true,
    limit: ids.length,
    overrideAccess: false,
    pagination: false,
    req: { transactionID: req.transactionID },
    select: {},
    user: req.user,
    where: { id: { in: [...ids] } },
  })
  return new Set(docs.map((doc) => String(doc.id)))
}

const loaderOf = (req: PayloadRequest, collection: CollectionSlug): DataLoader<string, boolean> => {
  req.context[CACHE_KEY] ??= new Map<string, DataLoader<string, boolean>>()
  const loaders = req.context[CACHE_KEY] as Map<string, DataLoader<string, boolean>>
  const key = `${req.user ? `${req.user.collection}:${req.user.id}` : 'anyone'}|${collection}`
  let loader = loaders.get(key)
  if (!loader) {
    loader = new DataLoader(
      async (ids) => {
        const found = await findReadable(req, collection, ids)
        return ids.map((id) => found.has(id))
      },
      // The clamp's page size: a larger check could be cut short by it.
      { maxBatchSize: pageSize(req) },
    )
    loaders.set(key, loader)
  }
  return loader
}

/**
 * The subset of `ids` in `collection` that the request's user may read, by that collection's own
 * access. Checks asked for in the same tick are batched into one query per collection (as
 * Payload's own population does), so the documents of a list or a join, each checking its
 * relations in its own afterRead, share one query; answers are remembered for the rest of the request.
 */
export const readableIDs = async (req: PayloadRequest, collection: CollectionSlug, ids: DocumentID[]): Promise<Set<string>> => {
  const answers = await loaderOf(req, collection).loadMany(ids.map(String))
  const readable = new Set<string>()
  answers.forEach((answer, index) => {
    if (answer instanceof Error) throw answer
    if (answer) readable.add(String(ids[index]))
  })
  return readable
}
