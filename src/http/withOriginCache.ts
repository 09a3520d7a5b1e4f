import type { SanitizedConfig } from 'payload'

import { getPayload } from 'payload'

import type { CachedAnswer, OriginCache } from '@/originCache/types'

import { graphQLKey, isQuery, restKey } from '@/originCache/requestKey'
import { originCacheOf } from '@/originCache/signalWrites'

import { carriesCredentials } from './carriesCredentials'
import { clientHolds, isJSON } from './publicCache'

type Handler<TArgs extends unknown[]> = (request: Request, ...args: TArgs) => Promise<Response>

/** Says how a response was made: from the origin cache, by Payload after a lookup, or by Payload without one. */
export const ORIGIN_CACHE_HEADER = 'X-Origin-Cache'

type Outcome = 'bypass' | 'hit' | 'miss'

const withOutcome = (response: Response, outcome: Outcome): Response => {
  const headers = new Headers(response.headers)
  headers.set(ORIGIN_CACHE_HEADER, outcome)
  return new Response(response.body, { headers, status: response.status, statusText: response.statusText })
}

// What withPublicCaching marked shareable: the same answer for every anonymous reader.
const isSharedREST = (response: Response): boolean =>
  response.status === 200 && isJSON(response) && !response.headers.has('set-cookie') && /^public\b/.test(response.headers.get('cache-control') ?? '')

// A GraphQL answer with errors may be a passing failure (a timeout), not what the query always gives.
const isSharedGraphQL = (response: Response, body: Uint8Array): boolean => {
  if (response.status !== 200 || !isJSON(response) || response.headers.has('set-cookie')) return false
  try {
    const parsed = JSON.parse(Buffer.from(body).toString('utf8')) as unknown
    return Boolean(parsed) && typeof parsed === 'object' && !('errors' in (parsed as object))
  } catch {
    return false
  }
}

const answerOf = async (response: Response): Promise<CachedAnswer> => ({
  body: new Uint8Array(await response.arrayBuffer()),
  headers: [...response.headers],
  status: response.status,
})

/** A 304 for a client whose If-None-Match holds this 200's ETag; otherwise nothing. */
const notModified = (request: Request, status: number, headers: Headers): Response | undefined => {
  const tag = headers.get('etag')
  if (status !== 200 || !tag || !clientHolds(request, tag)) return undefined
  const sent = new Headers(headers)
  sent.delete('content-length')
  sent.delete('content-type')
  return new Response(null, { headers: sent, status: 304 })
}

/** The stored answer for this request: a 304 when the client holds its ETag. */
const respond = (request: Request, { body, headers, status }: CachedAnswer, outcome: Outcome): Response => {
  const sent = new Headers(headers)
  sent.set(ORIGIN_CACHE_HEADER, outcome)
  // A copy: the stored bytes are handed to every hit.
  return notModified(request, status, sent) ?? new Response(body.slice(), { headers: sent, status })
}

/**
 * An answer that is not stored (a media file, a private list), made without the client's
 * conditional: the conditional is answered here, as the handler would have.
 */
const respondUnstored = async (request: Request, response: Response): Promise<Response> => {
  const unchanged = notModified(request, response.status, response.headers)
  if (!unchanged) return withOutcome(response, 'miss')
  await response.body?.cancel()
  unchanged.headers.set(ORIGIN_CACHE_HEADER, 'miss')
  return unchanged
}

// The answer stored is the full one; the client's conditional is answered from it afterwards.
const unconditional = (request: Request): Request => {
  if (!request.headers.has('if-none-match')) return request
  const headers = new Headers(request.headers)
  headers.delete('if-none-match')
  return new Request(request, { headers })
}

type Surface = 'graphql' | 'rest'

/** Where the wrapper finds its cache: the instance's adapter in the app, one made by hand in tests. */
export type OriginCacheSource = () => Promise<OriginCache | undefined>

/**
 * Serves anonymous API reads from the exact origin cache (src/originCache/, docs/PERFORMANCE.md
 * "Origin cache"): REST GETs whose answer `withPublicCaching` marked public, and GraphQL queries
 * answered without errors. A request with credentials never reads or fills it. A read is served
 * from the cache only while no write is in flight, and stored only if no write began or ended while
 * Payload made it, so a read that starts after a write committed never gets the answer from before.
 */
export const withOriginCacheFrom =
  (cacheOf: OriginCacheSource, surface: Surface) =>
  <TArgs extends unknown[]>(handler: Handler<TArgs>): Handler<TArgs> =>
  async (request, ...args) => {
    const cache = await cacheOf()
    if (!cache || carriesCredentials(request)) return withOutcome(await handler(request, ...args), 'bypass')
    if (surface === 'rest') {
      const key = restKey(request)
      const lookup = await cache.lookup(key)
      if (lookup.kind === 'hit') return respond(request, lookup.answer, 'hit')
      if (lookup.kind === 'bypass') return withOutcome(await handler(request, ...args), 'bypass')
      const response = await handler(unconditional(request), ...args)
      if (!isSharedREST(response)) return respondUnstored(request, response)
      const answer = await answerOf(response)
      await cache.store(key, lookup.generation, answer)
      return respond(request, answer, 'miss')
    }
    const read = graphQLKey(request, await request.clone().text())
    if (!read) return withOutcome(await handler(request, ...args), 'bypass')
    const lookup = await cache.lookup(read.key)
    if (lookup.kind === 'hit') return respond(request, lookup.answer, 'hit')
    // Parsed only on a miss: only queries are stored, so a hit was one.
    if (lookup.kind === 'bypass' || !isQuery(read)) return withOutcome(await handler(request, ...args), 'bypass')
    const response = await handler(request, ...args)
    const answer = await answerOf(response)
    if (isSharedGraphQL(response, answer.body)) await cache.store(read.key, lookup.generation, answer)
    return respond(request, answer, 'miss')
  }

/** `withOriginCacheFrom` the cache of the config's Payload instance (none when ORIGIN_CACHE=off). */
export const withOriginCache = (config: Promise<SanitizedConfig>, surface: Surface) =>
  // The instance Payload's own handler uses; its adapter holds the cache (signalWrites.ts).
  withOriginCacheFrom(async () => originCacheOf((await getPayload({ config, cron: true })).db), surface)
