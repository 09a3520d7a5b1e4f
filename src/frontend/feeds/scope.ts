import type { Metadata } from 'next'

import { getAuthor, getFeedStories, getTag } from '../api'
import { authorPath, SITE_DESCRIPTION, SITE_NAME, tagPath } from '../site'
import { type Feed, feedOf } from './model'

/** Whose stories a feed carries: the whole site's, one tag's or one author's. */
export type FeedScope = { kind: 'author' | 'tag'; slug: string } | { kind: 'site' }

export type FeedFormat = 'atom' | 'rss'

const FILE_NAMES: Record<FeedFormat, string> = { atom: 'atom.xml', rss: 'feed.xml' }
const TYPES: Record<FeedFormat, 'application/atom+xml' | 'application/rss+xml'> = {
  atom: 'application/atom+xml',
  rss: 'application/rss+xml',
}

const pagePathOf = (scope: FeedScope): string =>
  scope.kind === 'site' ? '/' : scope.kind === 'tag' ? tagPath(scope.slug) : authorPath(scope.slug)

/** Where a scope's feed of a format lives: `/feed.xml`, `/tags/<slug>/atom.xml`, … */
export const feedPath = (scope: FeedScope, format: FeedFormat): string =>
  `${scope.kind === 'site' ? '' : pagePathOf(scope)}/${FILE_NAMES[format]}`

/**
 * A scope's feed, read through the public API, or null for a tag or author the public cannot see
 * (unknown, or an internal tag).
 */
export const readFeed = async (scope: FeedScope, format: FeedFormat): Promise<Feed | null> => {
  const paths = { pagePath: pagePathOf(scope), selfPath: feedPath(scope, format) }
  if (scope.kind === 'site') {
    return feedOf(await getFeedStories(), { ...paths, description: SITE_DESCRIPTION, title: SITE_NAME })
  }
  if (scope.kind === 'tag') {
    const tag = await getTag(scope.slug)
    if (!tag) return null
    const stories = await getFeedStories('tags', tag.id)
    return feedOf(stories, { ...paths, description: tag.description ?? `Stories about ${tag.name}.`, title: `${tag.name} · ${SITE_NAME}` })
  }
  const author = await getAuthor(scope.slug)
  if (!author) return null
  const stories = await getFeedStories('authors', author.id)
  return feedOf(stories, { ...paths, description: `Stories by ${author.name}.`, title: `${author.name} · ${SITE_NAME}` })
}

type Alternates = NonNullable<Metadata['alternates']>

/**
 * A page's `alternates` (Next.js metadata): its canonical address and the feeds it advertises, the
 * site's and, on a tag or author page, that page's own, so that feed readers discover them. Next.js
 * replaces the layout's `alternates` with a page's, so every page passes the whole set; the layout
 * passes no canonical, which would otherwise claim every page without one for itself.
 */
export const pageAlternates = (canonical?: string, scoped?: { name: string; scope: FeedScope }): Alternates => {
  const feeds = [{ scope: { kind: 'site' } as FeedScope, title: SITE_NAME }, ...(scoped ? [{ scope: scoped.scope, title: `${scoped.name} · ${SITE_NAME}` }] : [])]
  const linksOf = (format: FeedFormat) => feeds.map(({ scope, title }) => ({ title, url: feedPath(scope, format) }))
  return { ...(canonical ? { canonical } : {}), types: { [TYPES.atom]: linksOf('atom'), [TYPES.rss]: linksOf('rss') } }
}

/** A list page's canonical address: its first page is the bare path, later ones keep `?page=`. */
export const listCanonical = (path: string, page: number): string => (page > 1 ? `${path}?page=${page}` : path)
