import { buildAtom } from './atom'
import { buildRSS } from './rss'
import { type FeedFormat, type FeedScope, readFeed } from './scope'

import { CONTENT_TYPES, documentResponse } from '../xmlResponse'

const BUILDERS = { atom: buildAtom, rss: buildRSS }

const answer = async (request: Request, scope: FeedScope, format: FeedFormat): Promise<Response> => {
  const feed = await readFeed(scope, format)
  if (!feed) return new Response('No such feed.', { headers: { 'Content-Type': CONTENT_TYPES.text }, status: 404 })
  // An empty feed's epoch is no real change date.
  const lastModified = feed.items.length ? feed.updated : undefined
  return documentResponse(request, BUILDERS[format](feed), { contentType: CONTENT_TYPES[format], lastModified })
}

/** The route handler of the site's feed in a format (`/feed.xml`, `/atom.xml`). */
export const siteFeed =
  (format: FeedFormat) =>
  (request: Request): Promise<Response> =>
    answer(request, { kind: 'site' }, format)

/** The route handler of a tag's or an author's feed (`/tags/<slug>/feed.xml`, …). */
export const scopedFeed =
  (kind: 'author' | 'tag', format: FeedFormat) =>
  async (request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> =>
    answer(request, { kind, slug: (await params).slug }, format)
