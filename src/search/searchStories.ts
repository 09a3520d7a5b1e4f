import type { PaginatedDocs, PayloadRequest } from 'payload'

import { searchDialect } from './dialects'
import { snippetHTML } from './highlight'
import { parseSearchArgs } from './searchArgs'

/** One hit: the story's public fields and where the words matched, as HTML with `<mark>` around them. */
export type SearchResult = { excerpt: null | string; id: number | string; slug: string; snippet: string; title: string }

/**
 * Published stories matching `q`, best first, in Payload's list shape. Raw arguments as REST or
 * GraphQL sent them (a 400 names a bad one). The hits are read back through the reader's access,
 * so nothing comes back that the reader could not read by id.
 */
export const searchStories = async (
  req: PayloadRequest,
  raw: { limit?: unknown; page?: unknown; q?: unknown },
): Promise<PaginatedDocs<SearchResult>> => {
  const { limit, page, terms } = parseSearchArgs(raw)
  const { payload } = req
  const { hits, total } = await searchDialect(payload).search({ payload }, { limit, offset: (page - 1) * limit, terms })
  const { docs } = hits.length
    ? await payload.find({
        collection: 'articles',
        depth: 0,
        draft: false,
        overrideAccess: false,
        pagination: false,
        req,
        select: { excerpt: true, slug: true, title: true },
        where: { id: { in: hits.map(({ id }) => id) } },
      })
    : { docs: [] }
  const stories = new Map(docs.map((story) => [story.id, story]))
  const results = hits.flatMap(({ id, snippet }) => {
    const story = stories.get(id as number)
    return story ? [{ id: story.id, slug: story.slug ?? '', excerpt: story.excerpt ?? null, snippet: snippetHTML(snippet), title: story.title }] : []
  })
  const totalPages = total === 0 ? 1 : Math.ceil(total / limit)
  return {
    docs: results,
    hasNextPage: page < totalPages,
    hasPrevPage: page > 1,
    limit,
    nextPage: page < totalPages ? page + 1 : null,
    page,
    pagingCounter: (page - 1) * limit + 1,
    prevPage: page > 1 ? page - 1 : null,
    totalDocs: total,
    totalPages,
  }
}
