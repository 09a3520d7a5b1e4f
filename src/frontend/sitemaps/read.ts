import { API_MAX_LIMIT, countPublic, getSitemapEntries, getStoriesPublishedSince, type NewsEntry } from '../api'
import { absoluteURL, authorPath, storyPath, tagPath } from '../site'
import { type NewsURL, type SitemapURL } from './build'

/** At most this many URLs per sitemap file (the protocol allows 50,000; small files are cheap to rebuild). */
export const URLS_PER_FILE = 1000

// Google News reads stories of the last two days, and at most 1,000 of them per sitemap.
const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000
const NEWS_LIMIT = 1000

const KINDS = {
  authors: { collection: 'authors', pathOf: authorPath },
  stories: { collection: 'articles', pathOf: storyPath },
  tags: { collection: 'tags', pathOf: tagPath },
} as const

export type SitemapKind = keyof typeof KINDS

const fileName = (kind: SitemapKind, index: number): string => `${kind}-${index}.xml`

/** The absolute URLs of every sitemap file: enough numbered files per kind, and the news sitemap. */
export const sitemapFiles = async (): Promise<string[]> => {
  const kinds = Object.keys(KINDS) as SitemapKind[]
  const counts = await Promise.all(kinds.map((kind) => countPublic(KINDS[kind].collection)))
  const files = kinds.flatMap((kind, i) =>
    Array.from({ length: Math.ceil(counts[i] / URLS_PER_FILE) }, (_, n) => fileName(kind, n + 1)),
  )
  return [...files, 'news.xml'].map((file) => absoluteURL(`/sitemaps/${file}`))
}

/** `stories-2.xml` as its kind and number, or null for any other name. */
export const parseSitemapFile = (name: string): null | { index: number; kind: SitemapKind } => {
  const match = /^(authors|stories|tags)-([1-9]\d{0,5})\.xml$/.exec(name)
  return match ? { index: Number(match[2]), kind: match[1] as SitemapKind } : null
}

/**
 * The pages one numbered sitemap file lists, read from the public API a page of 100 at a time, or
 * null when the file lies past the last document (a 404, not an empty and invalid `urlset`).
 */
export const readSitemapFile = async (kind: SitemapKind, index: number): Promise<null | SitemapURL[]> => {
  const { collection, pathOf } = KINDS[kind]
  const pagesPerFile = URLS_PER_FILE / API_MAX_LIMIT
  const first = (index - 1) * pagesPerFile + 1
  const total = await countPublic(collection)
  const pages = Math.min(pagesPerFile, Math.ceil(total / API_MAX_LIMIT) - first + 1)
  if (pages < 1) return null
  const entries = (await Promise.all(Array.from({ length: pages }, (_, i) => getSitemapEntries(collection, first + i)))).flat()
  return entries.filter((entry) => entry.slug).map((entry) => ({ lastmod: entry.updatedAt, loc: absoluteURL(pathOf(entry.slug)) }))
}

/**
 * Stories published in the 48 hours before `now`, newest first. The API is asked from the start
 * of that hour, so that one cached answer serves an hour of requests; the exact window is cut here.
 */
export const readNewsStories = async (now: Date): Promise<NewsURL[]> => {
  const from = now.getTime() - NEWS_WINDOW_MS
  const since = new Date(from - (from % (60 * 60 * 1000))).toISOString()
  const stories: NewsEntry[] = []
  for (let page = 1; stories.length < NEWS_LIMIT; page++) {
    const { docs, hasNextPage } = await getStoriesPublishedSince(since, page)
    stories.push(...docs)
    if (!hasNextPage) break
  }
  return stories
    .filter((story) => story.slug && Date.parse(story.publishedAt) >= from && Date.parse(story.publishedAt) <= now.getTime())
    .slice(0, NEWS_LIMIT)
    .map((story) => ({ loc: absoluteURL(storyPath(story.slug)), publishedAt: story.publishedAt, title: story.title }))
}
