import type { BreadcrumbList, ImageObject, NewsArticle, WithContext } from 'schema-dts'

import { type PopulatedArticle, publicTags } from './api'

import { absoluteURL, authorPath, LOGO, SITE_NAME, siteOrigin, slugOf, storyPath, tagPath } from './site'

const publisher = (): NewsArticle['publisher'] => ({
  '@type': 'NewsMediaOrganization',
  logo: { '@type': 'ImageObject', url: absoluteURL(LOGO.path) } satisfies ImageObject,
  name: SITE_NAME,
  url: `${siteOrigin()}/`,
})

// Search engines pick among several aspect ratios: the wide Open Graph crop, the hero and the original.
const imagesOf = (article: PopulatedArticle): string[] => {
  const media = article.heroImage
  const urls = [media?.sizes?.og?.url, media?.sizes?.hero?.url, media?.url].filter((url): url is string => Boolean(url))
  return [...new Set(urls.map(absoluteURL))]
}

/** A published story as schema.org `NewsArticle`, as search engines read a news page. */
export const newsArticleJsonLd = (article: PopulatedArticle): WithContext<NewsArticle> => {
  const url = absoluteURL(storyPath(slugOf(article)))
  const tags = publicTags(article.tags)
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    articleSection: tags[0]?.name,
    author: article.authors
      .filter((author) => typeof author === 'object')
      .map((author) => ({ '@type': 'Person', name: author.name, url: absoluteURL(authorPath(slugOf(author))) })),
    dateModified: article.updatedAt,
    datePublished: article.publishedAt ?? article.createdAt,
    description: article.excerpt ?? undefined,
    headline: article.title,
    image: imagesOf(article),
    keywords: tags.length ? tags.map((tag) => tag.name) : undefined,
    mainEntityOfPage: url,
    publisher: publisher(),
    url,
  }
}

/** Home › the story's first public tag (when it has one) › the story. */
export const breadcrumbJsonLd = (article: PopulatedArticle): WithContext<BreadcrumbList> => {
  const tag = publicTags(article.tags)[0]
  const crumbs = [
    { item: `${siteOrigin()}/`, name: 'Home' },
    ...(tag ? [{ item: absoluteURL(tagPath(slugOf(tag))), name: tag.name }] : []),
    { item: absoluteURL(storyPath(slugOf(article))), name: article.title },
  ]
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({ '@type': 'ListItem', ...crumb, position: index + 1 })),
  }
}

/**
 * JSON for a `<script type="application/ld+json">`: `<` escaped, so that no value (a title holding
 * `</script>`) can close the element and start markup of its own.
 */
export const serializeJsonLd = (data: unknown): string => JSON.stringify(data).replace(/</g, '\\u003c')
