import type { Article, Author, Comment, Media, Tag } from '@/payload-types'

import { cache } from 'react'

import { cacheTagOf, revalidateSeconds } from './cacheTags'

/**
 * The reference frontend reads the CMS exactly as an external frontend would: anonymously, over
 * the public REST API. It is a separate concern from the CMS, so it reads its one setting itself.
 */
export const apiURL = (process.env.FRONTEND_API_URL ?? process.env.SERVER_URL ?? 'http://localhost:3000').replace(/\/$/, '')

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

/**
 * A story's tags the public may see. The API leaves internal tags out for the public already;
 * feeds and structured data check again, so that they stay clean even if a staff credential were
 * ever configured for the frontend's reads.
 */
export const publicTags = (tags: PopulatedArticle['tags']): Tag[] =>
  (tags ?? []).filter((tag) => typeof tag === 'object' && !tag.internal)

export type ReadMoreLink = {
  collection?: string
  /** Internal links: the strongest shared public topic, for "In Politics". */
  context?: { name: string; slug: null | string } | null
  id?: number | string
  kind: 'external' | 'internal'
  slug?: null | string
  source: 'auto' | 'curated'
  title: string
  url?: string
}

export class NotFoundError extends Error {}

/** A request the API refused as malformed (400), with its message: a reader's search, say. */
export class RefusedError extends Error {}

type Collection = Parameters<typeof cacheTagOf>[0]

// What a populated story (`depth=1`) contains, so any of these changing clears the answer.
const STORY_PARTS: Collection[] = ['articles', 'authors', 'media', 'tags']

export const get = async <T>(path: string, collections: Collection[]): Promise<T> => {
  const response = await fetch(`${apiURL}/api${path}`, {
    headers: { Accept: 'application/json' },
    next: { revalidate: revalidateSeconds(), tags: collections.map(cacheTagOf) },
  })
  if (response.status === 404) throw new NotFoundError(path)
  if (response.status === 400) {
    const { errors } = (await response.json()) as { errors?: { message: string }[] }
    throw new RefusedError(errors?.[0]?.message ?? `GET /api${path} was refused`)
  }
  if (!response.ok) throw new Error(`GET /api${path} answered ${response.status}`)
  return (await response.json()) as T
}

const query = (params: Record<string, number | string>) =>
  new URLSearchParams(Object.entries(params).map(([key, value]) => [key, String(value)])).toString()

export const PAGE_SIZE = 10

/** One page of a story list, newest first. */
export type StoryPage = { docs: PopulatedArticle[]; hasOlder: boolean; page: number }

// Lists skip Payload's count (`pagination=false`): counting every story of a popular tag costs more
// than reading the page, and grows with the archive. A full page offers the next one. Cards show no
// comments, so the comments join is left out (`joins[comments]=false`).
const listStories = async (page: number, filter: Record<string, number> = {}, limit = PAGE_SIZE): Promise<StoryPage> => {
  const params = {
    depth: 1,
    'joins[comments]': 'false',
    limit,
    page,
    pagination: 'false',
    sort: '-publishedAt',
    ...filter,
  }
  const { docs } = await get<Paginated<PopulatedArticle>>(`/articles?${query(params)}`, STORY_PARTS)
  return { docs, hasOlder: docs.length === limit, page }
}

export const getLatestArticles = cache((page: number) => listStories(page))
export const getArticlesByTag = cache((tagID: number, page: number) => listStories(page, { 'where[tags][in]': tagID }))
export const getArticlesByAuthor = cache((authorID: number, page: number) =>
  listStories(page, { 'where[authors][in]': authorID }),
)

/** How many stories a feed carries, newest first. */
export const FEED_SIZE = 50

/** The newest stories of the site, or of one tag or author, for their feeds. */
export const getFeedStories = cache(
  async (of?: 'authors' | 'tags', id?: number): Promise<PopulatedArticle[]> =>
    (await listStories(1, of && id !== undefined ? { [`where[${of}][in]`]: id } : {}, FEED_SIZE)).docs,
)

/** The most documents one public list read returns (the API clamps larger limits). */
export const API_MAX_LIMIT = 100

/** What a sitemap lists of a story, tag or author page. */
export type SitemapEntry = { slug: string; updatedAt: string }

type Listed = 'articles' | 'authors' | 'tags'

/** How many documents of a collection the public may see: only published stories, no internal tag. */
export const countPublic = cache(
  async (collection: Listed): Promise<number> =>
    (await get<Paginated<SitemapEntry>>(`/${collection}?${query({ depth: 0, limit: 1, 'select[slug]': 'true' })}`, [collection]))
      .totalDocs,
)

/**
 * One page of a collection's slugs and change dates, in a stable order (`id`) so that consecutive
 * pages neither skip nor repeat a document; only the two fields are selected (no joins, no bodies).
 */
export const getSitemapEntries = cache(
  async (collection: Listed, page: number): Promise<SitemapEntry[]> =>
    (
      await get<Paginated<SitemapEntry>>(
        `/${collection}?${query({ depth: 0, limit: API_MAX_LIMIT, page, 'select[slug]': 'true', 'select[updatedAt]': 'true', sort: 'id' })}`,
        [collection],
      )
    ).docs,
)

/** What the Google News sitemap lists of a story. */
export type NewsEntry = { publishedAt: string; slug: string; title: string }

/** One page of the stories published since an instant, newest first. */
export const getStoriesPublishedSince = cache(
  async (since: string, page: number): Promise<Paginated<NewsEntry>> => {
    const params = {
      depth: 0,
      limit: API_MAX_LIMIT,
      page,
      'select[publishedAt]': 'true',
      'select[slug]': 'true',
      'select[title]': 'true',
      sort: '-publishedAt',
      'where[publishedAt][greater_than_equal]': since,
    }
    return get<Paginated<NewsEntry>>(`/articles?${query(params)}`, ['articles'])
  },
)

// Each page fetches a tag's or an author's stories, and a story's comments, as lists of their own,
// so the one-document reads leave their join out (`joins[<name>]=false`).
const findOneBySlug = async <T>(collection: Collection, join: string, slug: string, depth: number): Promise<null | T> => {
  const params = { depth, [`joins[${join}]`]: 'false', limit: 1, 'where[slug][equals]': slug }
  const { docs } = await get<Paginated<T>>(`/${collection}?${query(params)}`, depth > 0 ? STORY_PARTS : [collection])
  return docs[0] ?? null
}

export const getArticle = cache((slug: string) => findOneBySlug<PopulatedArticle>('articles', 'comments', slug, 1))
export const getTag = cache((slug: string) => findOneBySlug<Tag>('tags', 'articles', slug, 0))
export const getAuthor = cache((slug: string) => findOneBySlug<Author>('authors', 'articles', slug, 1))

export const getReadMore = cache(async (articleID: number): Promise<ReadMoreLink[]> => {
  try {
    return (await get<{ links: ReadMoreLink[] }>(`/articles/${articleID}/read-more`, ['articles', 'tags'])).links
  } catch (error) {
    // A story without its related links is still a story.
    if (error instanceof NotFoundError) return []
    throw error
  }
})

export const getApprovedComments = cache((articleID: number) =>
  get<Paginated<Comment>>(
    `/comments?${query({ depth: 0, limit: 100, sort: 'createdAt', 'where[article][equals]': articleID })}`,
    ['comments'],
  ),
)

/**
 * Reads from the API with a staff member's session (their `payload-token`, sent as a JWT), for
 * draft preview. Never cached (`no-store`): a draft must not land in the Next.js data cache, which
 * every reader's page may be served from, and the API answers a credentialed read as private.
 */
const getWithSession = async <T>(path: string, token: string): Promise<T> => {
  const response = await fetch(`${apiURL}/api${path}`, {
    cache: 'no-store',
    headers: { Accept: 'application/json', Authorization: `JWT ${token}` },
  })
  if (!response.ok) throw new Error(`GET /api${path} answered ${response.status}`)
  return (await response.json()) as T
}

/** The user a session belongs to, or null for an expired, forged or logged-out one. */
export const getSessionUser = async (token: string): Promise<null | { id: number | string }> =>
  (await getWithSession<{ user: null | { id: number | string } }>('/users/me?depth=0', token)).user

/**
 * A story's latest draft as the session's user may read it: what the API shows that user with
 * `draft=true`, so a contributor sees no more than the API allows them.
 */
export const getDraftArticle = cache(async (slug: string, token: string): Promise<null | PopulatedArticle> => {
  const params = { depth: 1, draft: 'true', 'joins[comments]': 'false', limit: 1, 'where[slug][equals]': slug }
  const { docs } = await getWithSession<Paginated<PopulatedArticle>>(`/articles?${query(params)}`, token)
  return docs[0] ?? null
})
