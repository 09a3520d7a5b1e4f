import type { Endpoint } from 'payload'

import type { SanitizedReadMoreOptions } from '../types'

import { invalidArgument, parseLimit } from '../utilities/parseLimit'
import { resolveReadMoreLinks } from '../utilities/resolveLinks'

/** `GET /api/<collection>/<id>/read-more?limit=<n>` → `{ links: ReadMoreLink[] }`, as the requester may see them. */
export const readMoreEndpoint = (collection: string, options: SanitizedReadMoreOptions): Endpoint => ({
  handler: async (req) => {
    const limit = parseLimit(req.searchParams.get('limit') ?? undefined, options.maxLinks)
    const links = await resolveReadMoreLinks({
      id: req.routeParams?.id,
      collection,
      limit,
      options,
      payload: req.payload,
      user: req.user,
    })
    return Response.json({ links })
  },
  method: 'get',
  path: '/:id/read-more',
})

/**
 * `GET /api/<collection>/read-more?slug=<slug>&limit=<n>`: the same answer for a frontend that holds
 * the document's slug (its URL) rather than its id, in one request. Added to collections with a `slug` field.
 */
export const readMoreBySlugEndpoint = (collection: string, options: SanitizedReadMoreOptions): Endpoint => ({
  handler: async (req) => {
    const slug = req.searchParams.get('slug')
    if (!slug) throw invalidArgument('slug', 'Required: the slug of the document whose links to list.')
    const limit = parseLimit(req.searchParams.get('limit') ?? undefined, options.maxLinks)
    const links = await resolveReadMoreLinks({ collection, limit, options, payload: req.payload, slug, user: req.user })
    return Response.json({ links })
  },
  method: 'get',
  path: '/read-more',
})
