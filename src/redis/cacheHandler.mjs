// @ts-check
// Next.js's cache handler when REDIS_URL is set (next.config.mjs `cacheHandler`): imported by Node,
// unbundled, once per `next build` worker and `next start` process.
import console from 'node:console'
import process from 'node:process'

import { createRedisClient, parseRedisURL } from './client.mjs'
import { createRedisCacheHandler } from './createCacheHandler.mjs'

const url = parseRedisURL(process.env.REDIS_URL)
if (!url) throw new Error('src/redis/cacheHandler.mjs needs REDIS_URL: next.config.mjs names it only when REDIS_URL is set.')

export default createRedisCacheHandler({
  client: createRedisClient(url, {
    onError: (err) => console.error('Next.js cache in Redis (REDIS_URL): connection lost; reconnecting.', err),
  }),
})
