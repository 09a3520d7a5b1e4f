import type { Redis } from 'ioredis'

import { createHash, randomUUID } from 'crypto'
import { APIError } from 'payload'

import type { CachedAnswer, OriginCache } from './types'

export type RedisOriginCacheOptions = {
  /** Answers larger than this are not stored. */
  maxBytes: number
  /** Prefix of every key, so that several sites can share one Redis database. */
  prefix?: string
  /** How long a stored answer is kept. */
  ttlSeconds: number
  /**
   * How long a write's marker lives unless its instance renews it: a write whose instance died
   * (and whose transaction the database rolled back with its connection) stops holding W after it.
   * @default 30000
   */
  writeMarkerMs?: number
}

// Every script reads the clock of Redis (TIME), not of the instance, so instances need not agree on time.
const NOW = `local t = redis.call('TIME') local now = t[1] * 1000 + math.floor(t[2] / 1000)`
// W: the writes whose markers have not expired.
const LIVE_WRITES = `${NOW} redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now) local writes = redis.call('ZCARD', KEYS[1])`

const BEGIN = `${NOW} redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1]) return redis.call('INCR', KEYS[2])`
const RENEW = `${NOW} return redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[2]), ARGV[1])`
const END = `redis.call('INCR', KEYS[2]) return redis.call('ZREM', KEYS[1], ARGV[1])`
const LOOKUP = `${LIVE_WRITES}
if writes > 0 then return {-1, false} end
local generation = redis.call('GET', KEYS[2]) or '0'
return {tonumber(generation), redis.call('GET', ARGV[1] .. generation .. ':' .. ARGV[2])}`
const STORE = `${LIVE_WRITES}
if writes > 0 or (redis.call('GET', KEYS[2]) or '0') ~= ARGV[1] then return 0 end
redis.call('SET', ARGV[2] .. ARGV[1] .. ':' .. ARGV[3], ARGV[4], 'EX', tonumber(ARGV[5]))
return 1`

const encode = ({ body, headers, status }: CachedAnswer): string =>
  JSON.stringify({ body: Buffer.from(body).toString('base64'), headers, status })

const decode = (stored: string): CachedAnswer => {
  const { body, headers, status } = JSON.parse(stored) as { body: string; headers: [string, string][]; status: number }
  return { body: Buffer.from(body, 'base64'), headers, status }
}

// Keys of any length become one short Redis key.
const digest = (key: string): string => createHash('sha256').update(key).digest('base64url')

/**
 * The origin cache shared by every instance on one Redis: G is a counter, W a sorted set of write
 * markers scored by their expiry, and answers are keys named by G, so a bump makes all of them
 * unreachable at once (they then expire). Each step is one Lua script: it reads W and G atomically.
 * A lookup that cannot reach Redis bypasses the cache; a write that cannot reach it fails, since
 * the other instances would go on serving what it changes.
 */
export const createRedisOriginCache = (
  redis: Redis,
  { maxBytes, prefix = 'newsroom:origin-cache:', ttlSeconds, writeMarkerMs = 30_000 }: RedisOriginCacheOptions,
): OriginCache => {
  const writesKey = `${prefix}writes`
  const generationKey = `${prefix}generation`
  const answerPrefix = `${prefix}answer:`
  const beginWrite = async () => {
    const id = randomUUID()
    try {
      await redis.eval(BEGIN, 2, writesKey, generationKey, id, writeMarkerMs)
    } catch (err) {
      throw new APIError(`The origin cache in Redis (REDIS_URL) is unreachable, so this write was refused: ${(err as Error).message}`, 503)
    }
    // Renewed while the write runs, so that only a dead instance's marker expires.
    const renewal = setInterval(() => {
      redis.eval(RENEW, 1, writesKey, id, writeMarkerMs).catch(() => undefined)
    }, writeMarkerMs / 3)
    renewal.unref()
    let ended = false
    return async () => {
      if (ended) return
      ended = true
      clearInterval(renewal)
      // The write has committed: failing it now would report a saved change as lost. Unrenewed, the
      // marker expires within writeMarkerMs, and until then reads bypass the cache; the bump at the
      // beginning already keeps every answer made before the write from being served after it.
      await redis.eval(END, 2, writesKey, generationKey, id).catch(() => undefined)
    }
  }
  return {
    beginWrite,
    invalidate: async () => (await beginWrite())(),
    lookup: async (key) => {
      try {
        const [generation, stored] = (await redis.eval(LOOKUP, 2, writesKey, generationKey, answerPrefix, digest(key))) as [
          number,
          null | string,
        ]
        if (generation < 0) return { kind: 'bypass' }
        return stored ? { answer: decode(stored), kind: 'hit' } : { generation, kind: 'miss' }
      } catch {
        return { kind: 'bypass' }
      }
    },
    store: async (key, generation, answer) => {
      if (answer.body.byteLength > maxBytes) return false
      try {
        const args = [String(generation), answerPrefix, digest(key), encode(answer), ttlSeconds]
        return (await redis.eval(STORE, 2, writesKey, generationKey, ...args)) === 1
      } catch {
        return false
      }
    },
  }
}
