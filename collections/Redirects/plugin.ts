import type { CollectionConfig, Config, Plugin } from 'payload'

import type { RedirectedCollection } from './types'

import { redirectEndpoint } from './endpoints/redirectEndpoint'
import { publishedSlugField } from './fields/publishedSlug'
import { resolveSlugQuery } from './graphQL'
import { deleteRedirects } from './hooks/deleteRedirects'
import { recordOldSlug } from './hooks/recordOldSlug'
import { refuseSlugChangeOncePublished } from './hooks/refuseSlugChangeOncePublished'
import { Redirects } from './index'
import { redirectedCollections } from './types'

const isRedirected = (slug: string): slug is RedirectedCollection => (redirectedCollections as readonly string[]).includes(slug)

const withRedirects = (collection: CollectionConfig, slug: RedirectedCollection): CollectionConfig => {
  const stories = slug === 'articles'
  return {
    ...collection,
    endpoints: [...(collection.endpoints || []), redirectEndpoint(slug)],
    fields: stories ? [...collection.fields, publishedSlugField()] : collection.fields,
    hooks: {
      ...collection.hooks,
      // After the collection's own: `recordOldSlug` compares the document as it was finally stored.
      afterChange: [...(collection.hooks?.afterChange ?? []), recordOldSlug(slug)],
      beforeDelete: [...(collection.hooks?.beforeDelete ?? []), deleteRedirects(slug)],
      // After the collection's own, which may still set the slug (a draft following its headline).
      beforeChange: [
        ...(collection.hooks?.beforeChange ?? []),
        ...(stories ? [refuseSlugChangeOncePublished] : []),
      ],
    },
  }
}

/**
 * Old slugs keep answering: the `redirects` collection, the hooks that record a published slug a
 * story, tag or author leaves (and forget it when it is taken again or the document is deleted),
 * `GET /api/<collection>/redirect?slug=` and the GraphQL `ResolveSlug` query. List it before the
 * public-reads plugin, so that the collection is covered by the public-read policy like every other.
 */
export const slugRedirects = (): Plugin => (config: Config): Config => ({
  ...config,
  collections: [
    ...(config.collections ?? []).map((collection) => (isRedirected(collection.slug) ? withRedirects(collection, collection.slug) : collection)),
    Redirects,
  ],
  graphQL: {
    ...config.graphQL,
    queries: (graphQL, info) => ({ ...config.graphQL?.queries?.(graphQL, info), ResolveSlug: resolveSlugQuery(graphQL) }),
  },
})
