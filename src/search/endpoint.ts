import type { Endpoint } from 'payload'

import { searchStories } from './searchStories'

/** `GET /api/search?q=…&page=…&limit=…`: published stories, ranked, in Payload's list shape. */
export const searchEndpoint: Endpoint = {
  handler: async (req) =>
    Response.json(
      await searchStories(req, {
        limit: req.searchParams.get('limit') ?? undefined,
        page: req.searchParams.get('page') ?? undefined,
        q: req.searchParams.get('q') ?? undefined,
      }),
    ),
  method: 'get',
  path: '/search',
}
