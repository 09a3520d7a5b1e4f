import { createRedisClient } from '@/redis/client.mjs'

import type { OriginCache, OriginCacheSettings } from './types'

import { createMemoryOriginCache } from './memoryOriginCache'
import { createRedisOriginCache } from './redisOriginCache'

export type OriginCacheTopology = {
  /**
   * Another process writes to the database as well (`JOBS_AUTORUN=false`: `npm run jobs` or another
   * instance publishes; `RATE_LIMIT_DATABASE_URL`: several processes on one host).
   */
  otherWriters?: boolean
  /** DATABASE_REPLICA_URLS is set: the public's reads go to replicas. */
  readReplicas: boolean
  redisURL?: string
}

/**
 * The origin cache a config's instance uses: in Redis when REDIS_URL is set (every instance sees
 * every write and shares the answers), in this process's memory otherwise; none when turned off,
 * and none with read replicas: a miss read from a lagging replica after a commit would be stored
 * as the new generation's answer and served until the next write. Nor in memory when another
 * process writes too: this one would never hear of those writes.
 */
export const createOriginCache = (
  settings: OriginCacheSettings,
  { otherWriters = false, readReplicas, redisURL }: OriginCacheTopology,
): OriginCache | undefined => {
  if (!settings.enabled || readReplicas) return undefined
  if (!redisURL) return otherWriters ? undefined : createMemoryOriginCache(settings)
  // Its own connection: a failed lookup is a bypass and a failed write is refused, each reported where it happens.
  const redis = createRedisClient(redisURL, { onError: () => {} })
  return createRedisOriginCache(redis, settings)
}
