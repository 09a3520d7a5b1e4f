import etag from 'etag'
import fresh from 'fresh'

export const CONTENT_TYPES = {
  atom: 'application/atom+xml; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
  text: 'text/plain; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
} as const

// Readers and shared caches revalidate every time: a publish shows up at once, and the usual
// answer to a feed reader's poll is a bodiless 304.
const CACHE_CONTROL = 'public, max-age=0, must-revalidate'

type Options = {
  contentType: (typeof CONTENT_TYPES)[keyof typeof CONTENT_TYPES]
  /** The latest change among what the document shows; feeds and sitemaps without one send no `Last-Modified`. */
  lastModified?: Date
}

/**
 * A generated document (feed, sitemap, robots.txt) with an `ETag` of its bytes and, when known, a
 * `Last-Modified`, answering `304 Not Modified` to a client that already holds it (`If-None-Match`,
 * or `If-Modified-Since` when no tag is sent), as `fresh` decides for Express.
 */
export const documentResponse = (request: Request, body: string, { contentType, lastModified }: Options): Response => {
  const headers = new Headers({ 'Cache-Control': CACHE_CONTROL, 'Content-Type': contentType })
  // Weak: the same document may reach the client compressed or not.
  headers.set('ETag', etag(body, { weak: true }))
  if (lastModified) headers.set('Last-Modified', lastModified.toUTCString())
  const held = fresh(
    {
      'if-modified-since': request.headers.get('if-modified-since') ?? undefined,
      'if-none-match': request.headers.get('if-none-match') ?? undefined,
    },
    { etag: headers.get('etag') ?? undefined, 'last-modified': headers.get('last-modified') ?? undefined },
  )
  if (held) {
    headers.delete('content-type')
    return new Response(null, { headers, status: 304 })
  }
  return new Response(body, { headers })
}

/** The latest of some ISO dates, or undefined when there are none. */
export const latestOf = (dates: (null | string | undefined)[]): Date | undefined => {
  const times = dates.filter((date): date is string => Boolean(date)).map((date) => Date.parse(date))
  return times.length ? new Date(Math.max(...times)) : undefined
}
