import { createRedisClient } from '@/redis/client.mjs'

import type { OriginCache, OriginCacheSettings } from './types'

import { createMemoryOriginCache } from './memoryOriginCache'
import { createRedisOriginCache } from './redisOriginCache'

/**
 * The origin cache a config's instance uses: in Redis when REDIS_URL is set (every instance sees
 * every write and shares the answers), in this process's memory otherwise; none when turned off.
 */
export const createOriginCache = (settings: OriginCacheSettings, redisURL?: string): OriginCache | undefined => {
  if (!settings.enabled) return undefined
  if (!redisURL) return createMemoryOriginCache(settings)
  // Its own connection: a failed lookup is a bypass and a failed write is refused, each reported where it happens.
  const redis = createRedisClient(redisURL, { onError: () => {} })
  return createRedisOriginCache(redis, settings)
}
