import type { Endpoint } from 'payload'

import type { SanitizedReadMoreOptions } from '../types'

import { parseLimit } from '../utilities/parseLimit'
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
