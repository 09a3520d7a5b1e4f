import etag from 'etag'
import fresh from 'fresh'

import { env } from '@/env'

import { carriesCredentials } from './carriesCredentials'

type RouteHandler<TArgs> = (request: Request, args: TArgs) => Promise<Response>

/** Collections (and `/api/search`) whose anonymous reads are the same for every reader, so shared caches may keep them. */
const SHARED_COLLECTIONS = new Set(['articles', 'authors', 'comments', 'media', 'search', 'tags'])

export const PRIVATE_CACHE_CONTROL = 'private, no-store'

export const publicCacheControl = (): string =>
  `public, max-age=0, s-maxage=${env.apiCache.sMaxAge}, stale-while-revalidate=${env.apiCache.staleWhileRevalidate}`

const pathOf = (request: Request) => {
  const [, , collection, subpath] = new URL(request.url).pathname.split('/')
  return { collection, subpath }
}

// Uploaded files are streamed with Payload's own headers (an upload collection's `modifyResponseHeaders`).
const isFile = (request: Request): boolean => pathOf(request).subpath === 'file'

// Any credential makes a response personal, valid or not.
const isSharedRead = (request: Request): boolean =>
  SHARED_COLLECTIONS.has(pathOf(request).collection) && !carriesCredentials(request)

export const isJSON = (response: Response): boolean => (response.headers.get('content-type') ?? '').includes('application/json')

// Weak: the same JSON may reach the client compressed or not.
const entityTag = (body: ArrayBuffer): string => etag(Buffer.from(body), { weak: true })

// Only If-None-Match is handed over: these answers carry no Last-Modified, and a request's
// `Cache-Control: no-cache` asks caches to revalidate, which a matching tag answers.
export const clientHolds = (request: Request, tag: string): boolean =>
  fresh({ 'if-none-match': request.headers.get('if-none-match') ?? undefined }, { etag: tag })

// Payload answers CORS by echoing the request's Origin when it is an allowed one (`cors` is a list),
// and leaving the header out otherwise: a shared cache must keep one copy per Origin.
const withVaryOrigin = (response: Response): Response => {
  const headers = new Headers(response.headers)
  headers.append('Vary', 'Origin')
  return new Response(response.body, { headers, status: response.status, statusText: response.statusText })
}

const withCacheControl = (response: Response, value: string): Response => {
  const headers = new Headers(response.headers)
  headers.set('Cache-Control', value)
  return new Response(response.body, { headers, status: response.status, statusText: response.statusText })
}

/**
 * HTTP caching for REST GETs. An anonymous 200 JSON read of a public collection gets an `ETag`
 * (a `304 Not Modified` when the client already holds it) and `Cache-Control: public` with short
 * shared-cache lifetimes (`API_CACHE_S_MAXAGE`, `API_CACHE_STALE_WHILE_REVALIDATE`). Everything
 * else (any request with credentials, accounts, errors, responses setting cookies) is
 * `private, no-store`: a personalised answer must never land in a shared cache. Uploaded files
 * keep Payload's headers, plus the `Vary: Origin` that every shareable answer carries.
 */
export const withPublicCaching =
  <TArgs>(handler: RouteHandler<TArgs>): RouteHandler<TArgs> =>
  async (request, args) => {
    const response = await handler(request, args)
    if (isFile(request)) return withVaryOrigin(response)
    if (!isSharedRead(request) || response.status !== 200 || !isJSON(response) || response.headers.has('set-cookie')) {
      return withCacheControl(response, PRIVATE_CACHE_CONTROL)
    }
    const body = await response.arrayBuffer()
    const tag = entityTag(body)
    const headers = new Headers(response.headers)
    headers.set('Cache-Control', publicCacheControl())
    headers.set('ETag', tag)
    // Caches that honour Vary never hand this anonymous answer to a signed-in request, nor to
    // another site's page with the CORS answer meant for this one.
    headers.append('Vary', 'Authorization, Cookie, Origin')
    if (clientHolds(request, tag)) {
      headers.delete('content-length')
      headers.delete('content-type')
      return new Response(null, { headers, status: 304 })
    }
    return new Response(body, { headers, status: 200 })
  }
