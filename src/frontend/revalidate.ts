import type { PublicChangeArgs } from '@plugins/public-reads'

import { revalidateTag } from 'next/cache'

import { cacheTagOf } from './cacheTags'

type CachedCollection = Parameters<typeof cacheTagOf>[0]

/**
 * Clears the reference frontend's cached answers holding a collection when one of its public
 * documents changes: the `onPublicChange` of the public-reads plugin, set in src/payload.config.ts.
 */
export const revalidateFrontend = ({ collection, req }: PublicChangeArgs): void => {
  try {
    // Expired at once (not served stale), and applied by Next.js when the API request ends, after the commit.
    revalidateTag(cacheTagOf(collection as CachedCollection), { expire: 0 })
  } catch {
    // Outside a Next.js request (the seed, scheduled publishing) there is no cache to clear here:
    // the frontend's answers then expire after FRONTEND_REVALIDATE_SECONDS.
    req.payload.logger.debug(`Frontend cache for ${collection} not cleared: no Next.js request in progress`)
  }
}
