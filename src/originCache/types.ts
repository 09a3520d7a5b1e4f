/** A stored answer: everything the client receives, so that a hit never reaches Payload. */
export type CachedAnswer = {
  body: Uint8Array
  headers: [string, string][]
  status: number
}

/**
 * What a read may do: `bypass` while a write is in flight (neither read nor store), `hit` with the
 * stored answer, or `miss` with the generation the answer may be stored under.
 */
export type Lookup = { answer: CachedAnswer; kind: 'hit' } | { generation: number; kind: 'miss' } | { kind: 'bypass' }

/** Ends a write: called once its transaction committed or rolled back (or its statement ended). */
export type EndWrite = () => Promise<void>

/**
 * The exact origin cache's state: a generation G and the writes in flight W (docs/PERFORMANCE.md,
 * "Origin cache"). Every write bumps G when it starts and again when it has ended; a read is served
 * from, or stored in, the cache only while no write is in flight, under the generation it began in.
 */
export type OriginCache = {
  /** W++ and G++; resolves before the write may touch the database. */
  beginWrite: () => Promise<EndWrite>
  /** Makes every stored answer unreachable, for writes made outside Payload (raw SQL). */
  invalidate: () => Promise<void>
  lookup: (key: string) => Promise<Lookup>
  /** Stores the answer only if G is still `generation` and no write is in flight; true when stored. */
  store: (key: string, generation: number, answer: CachedAnswer) => Promise<boolean>
}

export type OriginCacheSettings = {
  /** `ORIGIN_CACHE=off` turns the cache off. */
  enabled: boolean
  /** Bytes of stored answers kept in memory (`ORIGIN_CACHE_MAX_BYTES`); in Redis, the largest answer stored. */
  maxBytes: number
  /** Answers kept in memory (`ORIGIN_CACHE_MAX_ENTRIES`). */
  maxEntries: number
  /** Redis: how long an answer is kept (`ORIGIN_CACHE_TTL_SECONDS`). */
  ttlSeconds: number
}
