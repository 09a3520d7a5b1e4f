import type { Endpoint } from 'payload'

import { ValidationError } from 'payload'

import type { RedirectedCollection } from '../types'

import { resolveSlug } from '../utilities/resolveSlug'

/**
 * `GET /api/<collection>/redirect?slug=<slug>` → `{ collection, id, slug }`: the document a slug
 * leads to, at its current slug (the same slug when it is live), with the reader's read access;
 * a 404 when the reader may read none. How a frontend finds where an old link went.
 */
export const redirectEndpoint = (collection: RedirectedCollection): Endpoint => ({
  handler: async (req) => {
    const slug = req.searchParams.get('slug')
    if (!slug) throw new ValidationError({ errors: [{ message: 'Required: the slug to resolve.', path: 'slug' }] })
    const resolved = await resolveSlug({ collection, payload: req.payload, req, slug, user: req.user })
    if (!resolved) return Response.json({ errors: [{ message: `No ${collection} document answers to the slug "${slug}".` }] }, { status: 404 })
    return Response.json(resolved)
  },
  method: 'get',
  path: '/redirect',
})
