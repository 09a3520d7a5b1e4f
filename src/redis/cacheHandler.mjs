// @ts-check
// Next.js's cache handler when REDIS_URL is set (next.config.mjs `cacheHandler`): imported by Node,
// unbundled, once per `next build` worker and `next start` process.
import console from 'node:console'
import process from 'node:process'

import { createRedisClient, parseRedisURL } from './client.mjs'
import { createRedisCacheHandler } from './createCacheHandler.mjs'

const url = parseRedisURL(process.env.REDIS_URL)
// `next build` bundles this module into the server's chunks (the proxy's among them): a build
// made with REDIS_URL cannot serve without it.
if (!url) {
  throw new Error('REDIS_URL is not set, but this build was made with it (Next.js bundled its Redis cache handler): start with the same REDIS_URL, or build again without it.')
}

export default createRedisCacheHandler({
  client: createRedisClient(url, {
    onError: (err) => console.error('Next.js cache in Redis (REDIS_URL): connection lost; reconnecting.', err),
  }),
})
