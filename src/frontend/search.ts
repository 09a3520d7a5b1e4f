import { cache } from 'react'

import { get, type Paginated, RefusedError } from './api'

export type SearchHit = { excerpt: null | string; id: number; slug: string; snippet: string; title: string }

export type SearchAnswer = { error: string } | { result: Paginated<SearchHit> }

/**
 * One page of `GET /api/search`, cached like the story lists and cleared with them (a hit holds a
 * story's words and its tags' and authors' names). A query the API refuses (400) comes back as its message.
 */
export const searchStories = cache(async (q: string, page: number): Promise<SearchAnswer> => {
  try {
    return { result: await get<Paginated<SearchHit>>(`/search?${new URLSearchParams({ page: String(page), q })}`, ['articles', 'authors', 'tags']) }
  } catch (error) {
    if (error instanceof RefusedError) return { error: error.message }
    throw error
  }
})
