import type { Article, Author, Comment, Media, Tag } from '@/payload-types'

import { cache } from 'react'

/**
 * The reference frontend reads the CMS exactly as an external frontend would: anonymously, over
 * the public REST API. It is a separate concern from the CMS, so it reads its one setting itself.
 */
const apiURL = (process.env.FRONTEND_API_URL ?? process.env.SERVER_URL ?? 'http://localhost:3000').replace(/\/$/, '')

export type Paginated<T> = {
  docs: T[]
  hasNextPage: boolean
  hasPrevPage: boolean
  page: number
  totalDocs: number
  totalPages: number
}

/** Articles as lists and story pages receive them: `depth=1` populates authors, tags and the hero image. */
export type PopulatedArticle = Omit<Article, 'authors' | 'heroImage' | 'tags'> & {
  authors: Author[]
  heroImage?: Media | null
  tags?: Tag[] | null
}

export type ReadMoreLink = {
  collection?: string
  id?: number | string
  kind: 'external' | 'internal'
  slug?: null | string
  source: 'auto' | 'curated'
  title: string
  url?: string
}

export class NotFoundError extends Error {}

const get = async <T>(path: string): Promise<T> => {
  const response = await fetch(`${apiURL}/api${path}`, { cache: 'no-store', headers: { Accept: 'application/json' } })
  if (response.status === 404) throw new NotFoundError(path)
  if (!response.ok) throw new Error(`GET /api${path} answered ${response.status}`)
  return (await response.json()) as T
}

const query = (params: Record<string, number | string>) =>
  new URLSearchParams(Object.entries(params).map(([key, value]) => [key, String(value)])).toString()

export const PAGE_SIZE = 10

export const getLatestArticles = cache((page: number) =>
  get<Paginated<PopulatedArticle>>(`/articles?${query({ depth: 1, limit: PAGE_SIZE, page, sort: '-publishedAt' })}`),
)

export const getArticlesByTag = cache((tagID: number, page: number) =>
  get<Paginated<PopulatedArticle>>(
    `/articles?${query({ depth: 1, limit: PAGE_SIZE, page, sort: '-publishedAt', 'where[tags][in]': tagID })}`,
  ),
)

export const getArticlesByAuthor = cache((authorID: number, page: number) =>
  get<Paginated<PopulatedArticle>>(
    `/articles?${query({ depth: 1, limit: PAGE_SIZE, page, sort: '-publishedAt', 'where[authors][in]': authorID })}`,
  ),
)

const findOneBySlug = async <T>(collection: string, slug: string, depth: number): Promise<null | T> => {
  const { docs } = await get<Paginated<T>>(`/${collection}?${query({ depth, limit: 1, 'where[slug][equals]': slug })}`)
  return docs[0] ?? null
}

export const getArticle = cache((slug: string) => findOneBySlug<PopulatedArticle>('articles', slug, 1))
export const getTag = cache((slug: string) => findOneBySlug<Tag>('tags', slug, 0))
export const getAuthor = cache((slug: string) => findOneBySlug<Author>('authors', slug, 1))

export const getReadMore = cache(async (articleID: number): Promise<ReadMoreLink[]> => {
  try {
    return (await get<{ links: ReadMoreLink[] }>(`/articles/${articleID}/read-more`)).links
  } catch (error) {
    // A story without its related links is still a story.
    if (error instanceof NotFoundError) return []
    throw error
  }
})

export const getApprovedComments = cache((articleID: number) =>
  get<Paginated<Comment>>(
    `/comments?${query({ depth: 0, limit: 100, sort: 'createdAt', 'where[article][equals]': articleID })}`,
  ),
)
