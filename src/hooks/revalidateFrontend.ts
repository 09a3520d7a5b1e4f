import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { revalidateTag } from 'next/cache'

import { cacheTagOf } from '@/frontend/cacheTags'

type CachedCollection = Parameters<typeof cacheTagOf>[0]

// Whether the public could see the document: a draft story or an unapproved comment changes no page.
const isPublic = (doc: unknown): boolean => {
  const { _status, id, status } = (doc ?? {}) as { _status?: string; id?: unknown; status?: string }
  return id !== undefined && _status !== 'draft' && (status === undefined || status === 'approved')
}

const clear = (collection: string, req: PayloadRequest): void => {
  try {
    // Expired at once (not served stale), and applied by Next.js when the API request ends, after the commit.
    revalidateTag(cacheTagOf(collection as CachedCollection), { expire: 0 })
  } catch {
    // Outside a Next.js request (the seed, scheduled publishing) there is no cache to clear here:
    // the frontend's answers then expire after FRONTEND_REVALIDATE_SECONDS.
    req.payload.logger.debug(`Frontend cache for ${collection} not cleared: no Next.js request in progress`)
  }
}

/** Clears the reference frontend's cached answers holding this collection when a public document changes. */
export const revalidateFrontendAfterChange: CollectionAfterChangeHook = ({ collection, doc, previousDoc, req }) => {
  if (isPublic(doc) || isPublic(previousDoc)) clear(collection.slug, req)
  return doc
}

export const revalidateFrontendAfterDelete: CollectionAfterDeleteHook = ({ collection, doc, req }) => {
  if (isPublic(doc)) clear(collection.slug, req)
  return doc
}
