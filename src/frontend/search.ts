import { cache } from 'react'

import { apiURL, type Paginated } from './api'
import { cacheTagOf, revalidateSeconds } from './cacheTags'

export type SearchHit = { excerpt: null | string; id: number; slug: string; snippet: string; title: string }

export type SearchAnswer = { error: string } | { result: Paginated<SearchHit> }

/**
 * One page of `GET /api/search`, cached like the story lists and cleared with them (a hit holds a
 * story's words and its tags' and authors' names). A query the API refuses (400) comes back as its message.
 */
export const searchStories = cache(async (q: string, page: number): Promise<SearchAnswer> => {
  const params = new URLSearchParams({ page: String(page), q })
  const response = await fetch(`${apiURL}/api/search?${params}`, {
    headers: { Accept: 'application/json' },
    next: { revalidate: revalidateSeconds(), tags: (['articles', 'authors', 'tags'] as const).map(cacheTagOf) },
  })
  if (response.status === 400) {
    const { errors } = (await response.json()) as { errors?: { message: string }[] }
    return { error: errors?.[0]?.message ?? 'The search could not be run.' }
  }
  if (!response.ok) throw new Error(`GET /api/search answered ${response.status}`)
  return { result: (await response.json()) as Paginated<SearchHit> }
})
