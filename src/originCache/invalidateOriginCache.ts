import type { Payload } from 'payload'

import { originCacheOf } from './signalWrites'

/**
 * For writes that bypass Payload (raw SQL on `payload.db.drizzle`, a restore), which the adapter
 * cannot see: runs `write` as a write in flight (no read is cached or served from the cache meanwhile)
 * and then makes every cached answer unreachable. Without `write`, only the latter: call it at once
 * after such a write, or readers get the old answers.
 */
export const invalidateOriginCache = async <T = void>(payload: Payload, write?: () => Promise<T>): Promise<T | undefined> => {
  const cache = originCacheOf(payload.db)
  if (!cache) return write?.()
  const end = await cache.beginWrite()
  try {
    return await write?.()
  } finally {
    await end()
  }
}
