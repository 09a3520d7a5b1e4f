// @ts-check
// Plain JavaScript: Next.js loads the cache handler (./cacheHandler.mjs) with Node's own import,
// unbundled, in `next build` and `next start` alike; the app's TypeScript imports this file too.
import { Redis } from 'ioredis'
import { URL } from 'node:url'

/**
 * REDIS_URL, checked: `redis://` or `rediss://` (TLS), e.g. redis://:password@10.0.0.5:6379/0.
 * The path's number is the Redis database, which a deployment can use to keep apart several sites.
 *
 * @param {string | undefined} value
 * @returns {string | undefined} the URL, or undefined when unset
 */
export const parseRedisURL = (value) => {
  const url = value?.trim()
  if (!url) return undefined
  // The value is not repeated: it may hold a password.
  const invalid = new Error('REDIS_URL must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379/0.')
  let parsed
  try {
    parsed = new URL(url)
  } catch {
    throw invalid
  }
  if (!['redis:', 'rediss:'].includes(parsed.protocol) || !parsed.hostname) throw invalid
  if (parsed.pathname.length > 1 && !/^\/\d+$/.test(parsed.pathname)) throw invalid
  return url
}

/**
 * @typedef {object} RedisClientOptions
 * @property {(err: Error) => void} onError called once per outage (on the first failure after the
 *   connection was last ready), so a server that stays down does not flood the log
 */

/**
 * One connection to REDIS_URL, opened on first use. No command waits for long: every command fails
 * after a second without an answer, and one queued while the server is unreachable fails after the
 * first reconnection attempt, so callers can fall back (flood control to memory, the page cache to a
 * miss) instead of holding requests. ioredis keeps reconnecting in the background.
 *
 * @param {string} url
 * @param {RedisClientOptions} options
 * @returns {Redis}
 */
export const createRedisClient = (url, { onError }) => {
  const client = new Redis(url, {
    commandTimeout: 1000,
    connectTimeout: 2000,
    lazyConnect: true,
    maxRetriesPerRequest: 1,
  })
  let reported = false
  client.on('ready', () => {
    reported = false
  })
  // Without a listener ioredis prints every failed reconnection attempt itself.
  client.on('error', (err) => {
    if (reported) return
    reported = true
    onError(err)
  })
  return client
}
