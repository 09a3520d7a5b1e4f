import type { Media } from '@/payload-types'

import { type PopulatedArticle, publicTags } from '../api'
import type { XMLNode } from '../xml'

import { absoluteURL, authorPath, LOGO, SITE_LANGUAGE, slugOf, storyPath, tagPath } from '../site'

/** A story as both feed formats show it. */
export type FeedItem = {
  authors: { name: string; url: string }[]
  categories: { name: string; slug: string; url: string }[]
  image?: FeedImage
  published: Date
  summary: string
  title: string
  updated: Date
  url: string
}

export type FeedImage = { alt: string; height?: number; length: number; type: string; url: string; width?: number }

/** A feed of the site, a tag or an author, whatever its format. */
export type Feed = {
  description: string
  items: FeedItem[]
  language: string
  /** The publisher's logo, absolute. */
  logoURL: string
  /** The page the feed follows (home, tag or author page). */
  pageURL: string
  /** The feed's own address, which readers subscribe to. */
  selfURL: string
  title: string
  /** When anything in the feed last changed; the epoch for an empty feed, so the document stays the same. */
  updated: Date
}

// The original upload: its byte length and type are known exactly, as an RSS enclosure requires.
const imageOf = (media: Media | null | undefined): FeedImage | undefined =>
  media?.url && media.mimeType
    ? {
        alt: media.alt,
        height: media.height ?? undefined,
        length: media.filesize ?? 0,
        type: media.mimeType,
        url: absoluteURL(media.url),
        width: media.width ?? undefined,
      }
    : undefined

export const feedItemOf = (article: PopulatedArticle): FeedItem => ({
  authors: article.authors
    .filter((author) => typeof author === 'object')
    .map((author) => ({ name: author.name, url: absoluteURL(authorPath(slugOf(author))) })),
  categories: publicTags(article.tags).map((tag) => ({ name: tag.name, slug: slugOf(tag), url: absoluteURL(tagPath(slugOf(tag))) })),
  image: imageOf(article.heroImage),
  published: new Date(article.publishedAt ?? article.createdAt),
  summary: article.excerpt ?? '',
  title: article.title,
  updated: new Date(article.updatedAt),
  url: absoluteURL(storyPath(slugOf(article))),
})

type FeedOf = { description: string; pagePath: string; selfPath: string; title: string }

export const feedOf = (articles: PopulatedArticle[], { description, pagePath, selfPath, title }: FeedOf): Feed => {
  const items = articles.map(feedItemOf)
  return {
    description,
    items,
    language: SITE_LANGUAGE,
    logoURL: absoluteURL(LOGO.path),
    pageURL: absoluteURL(pagePath),
    selfURL: absoluteURL(selfPath),
    title,
    updated: new Date(Math.max(0, ...items.map((item) => item.updated.getTime()))),
  }
}

/** The hero image as Media RSS, which readers that ignore enclosures show; both formats carry it. */
export const mediaContentOf = (image: FeedImage): XMLNode => ({
  '@_height': image.height,
  '@_medium': 'image',
  '@_type': image.type,
  '@_url': image.url,
  '@_width': image.width,
  'media:description': image.alt,
})
