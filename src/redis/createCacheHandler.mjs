// @ts-check
// Plain JavaScript: Next.js imports its cache handler with Node's own import, unbundled.
import console from 'node:console'
import v8 from 'node:v8'

/** @typedef {import('ioredis').Redis} Redis */
/** @typedef {import('next/dist/server/lib/incremental-cache').CacheHandler} NextCacheHandler */
/** @typedef {import('next/dist/server/lib/incremental-cache').CacheHandlerValue} CacheHandlerValue */
/** @typedef {Parameters<NextCacheHandler['get']>[1]} GetContext */
/** @typedef {Parameters<NextCacheHandler['set']>[1]} CacheValue */
/** @typedef {Parameters<NextCacheHandler['set']>[2]} SetContext */
/** @typedef {import('next/dist/server/lib/cache-control').CacheControl} CacheControl */
/** @typedef {{ cacheControl?: CacheControl, tags: string[], value: CacheValue }} StoredEntry */

const DAY = 24 * 60 * 60
/** The longest an entry is kept, and so how long a tag's revalidation time must be remembered. */
const LONGEST = 365 * DAY

/** Next.js's header listing a page's or a route's tags, its implicit path tags included. */
const TAGS_HEADER = 'x-next-cache-tags'

// Both scripts stamp with Redis's clock, so the instances' clocks need not agree: an entry is valid
// only if it was stored after every revalidation of its tags, on one clock.
const SET_ENTRY = `
local now = redis.call('TIME')
local ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
redis.call('HSET', KEYS[1], 'value', ARGV[1], 'storedAt', ms)
redis.call('EXPIRE', KEYS[1], ARGV[2])
return ms`
const REVALIDATE_TAGS = `
local now = redis.call('TIME')
local ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
for _, key in ipairs(KEYS) do redis.call('SET', key, ms, 'EX', ARGV[1]) end
return ms`

/**
 * The tags an entry answers to: a fetch's own (`next: { tags }`), or those Next.js lists in a
 * page's or a route handler's headers.
 *
 * @param {CacheValue} value
 * @param {SetContext} ctx
 * @returns {string[]}
 */
const tagsOf = (value, ctx) => {
  if (value?.kind === 'FETCH') return [...new Set([...(('tags' in ctx && ctx.tags) || []), ...(value.tags ?? [])])]
  if (value?.kind === 'APP_PAGE' || value?.kind === 'APP_ROUTE') {
    const header = value.headers?.[TAGS_HEADER]
    return typeof header === 'string' ? header.split(',').filter(Boolean) : []
  }
  return []
}

/**
 * How long Redis keeps an entry, in seconds: a page's or a route's `expire`, or, for a fetch, twice
 * its `revalidate`, so that once it is stale one more reader is answered from it while Next.js
 * fetches it again in the background; a day for what names neither.
 *
 * @param {CacheValue} value
 * @param {CacheControl | undefined} cacheControl
 */
const lifetimeOf = (value, cacheControl) => {
  const seconds =
    typeof cacheControl?.expire === 'number'
      ? cacheControl.expire
      : value?.kind === 'FETCH' && value.revalidate > 0
        ? 2 * value.revalidate
        : DAY
  return Math.min(Math.max(Math.ceil(seconds), 1), LONGEST)
}

/**
 * @typedef {object} RedisCacheHandlerOptions
 * @property {Redis} client the connection (src/redis/client.mjs), shared by every handler instance
 * @property {string} [keyPrefix] put before every key, so that one Redis database can hold
 *   several sites' caches (default "next-cache:")
 * @property {(message: string, err: unknown) => void} [logError] (default console.error)
 */

/**
 * A Next.js cache handler (next.config.mjs `cacheHandler`) that keeps the data cache (fetches
 * with `next: { revalidate, tags }`) and any cached page or route in Redis, so that every server
 * instance reads the same entries, and a `revalidateTag` on one instance is seen by all of them.
 *
 * Each entry is one Redis hash (`<prefix>entry:<key>`: the value serialised with node:v8, which
 * keeps Buffers and Maps, and the time it was stored), expiring with its lifetime. Revalidating a
 * tag stores the time in `<prefix>tag:<tag>`; an entry stored before that time, under that tag,
 * one of the fetch's tags or one of Next.js's implicit path tags (`revalidatePath`), is a miss.
 * Nothing scans the cache, so a revalidation costs the same however large the cache is.
 *
 * Every revalidation expires entries at once, `revalidateTag(tag, { expire: 0 })` as well as
 * `revalidateTag(tag, 'max')`: where Next.js's own cache would serve the old answer once more
 * while it fetches a new one, this one fetches first, so no instance serves what was replaced.
 *
 * Redis failures never fail a request: a read that fails is a miss, a write that fails is
 * skipped, both reported once until Redis answers again; a revalidation that fails is always
 * reported (entries it should have expired live out their lifetime).
 *
 * @param {RedisCacheHandlerOptions} options
 * @returns {new (ctx: import('next/dist/server/lib/incremental-cache').CacheHandlerContext) => NextCacheHandler}
 */
export const createRedisCacheHandler = ({ client, keyPrefix = 'next-cache:', logError = console.error }) => {
  const entryKey = (/** @type {string} */ key) => `${keyPrefix}entry:${key}`
  const tagKey = (/** @type {string} */ tag) => `${keyPrefix}tag:${tag}`

  let failing = false
  /** @param {string} what @param {unknown} err */
  const failed = (what, err) => {
    if (!failing) logError(`Next.js cache in Redis (REDIS_URL): ${what} failed; serving without the shared cache until Redis answers.`, err)
    failing = true
  }
  const answered = () => {
    failing = false
  }

  // Next.js makes one instance per request: all state lives in Redis and in the shared connection.
  return class RedisCacheHandler {
    /** @param {import('next/dist/server/lib/incremental-cache').CacheHandlerContext} _ctx */
    constructor(_ctx) {}

    /**
     * @param {string} key
     * @param {GetContext} ctx
     * @returns {Promise<CacheHandlerValue | null>}
     */
    async get(key, ctx) {
      try {
        const [value, storedAt] = await client.hmgetBuffer(entryKey(key), 'value', 'storedAt')
        if (!value || !storedAt) {
          answered()
          return null
        }
        const entry = /** @type {StoredEntry} */ (v8.deserialize(value))
        const lastModified = Number(storedAt.toString())
        // A fetch is asked for with its tags and the page's implicit ones (its path, its layouts).
        const asked = 'softTags' in ctx ? [...(ctx.tags ?? []), ...(ctx.softTags ?? [])] : []
        const tags = [...new Set([...entry.tags, ...asked])]
        const revalidatedAt = tags.length ? await client.mget(tags.map(tagKey)) : []
        answered()
        if (revalidatedAt.some((time) => time !== null && Number(time) >= lastModified)) return null
        return { cacheControl: entry.cacheControl, lastModified, value: entry.value }
      } catch (err) {
        failed('a read', err)
        return null
      }
    }

    /**
     * @param {string} key
     * @param {CacheValue} value
     * @param {SetContext} ctx
     */
    async set(key, value, ctx) {
      const cacheControl = 'cacheControl' in ctx ? ctx.cacheControl : undefined
      /** @type {StoredEntry} */
      const entry = { cacheControl, tags: tagsOf(value, ctx), value }
      try {
        await client.eval(SET_ENTRY, 1, entryKey(key), v8.serialize(entry), lifetimeOf(value, cacheControl))
        answered()
      } catch (err) {
        failed('a write', err)
      }
    }

    /**
     * @param {string | string[]} tags
     * @param {{ expire?: number }} [_durations] not used: every revalidation expires at once
     */
    async revalidateTag(tags, _durations) {
      const list = typeof tags === 'string' ? [tags] : tags
      if (list.length === 0) return
      try {
        await client.eval(REVALIDATE_TAGS, list.length, ...list.map(tagKey), LONGEST)
        answered()
      } catch (err) {
        logError(`Next.js cache in Redis (REDIS_URL): revalidating ${list.join(', ')} failed; other instances may serve those answers until they expire.`, err)
      }
    }

    resetRequestCache() {}
  }
}
