import type { CollectionSlug } from 'payload'

/** The collections whose pages readers link to by slug, and whose old slugs therefore keep answering. */
export const redirectedCollections = ['articles', 'authors', 'tags'] as const satisfies CollectionSlug[]

export type RedirectedCollection = (typeof redirectedCollections)[number]

export type SlugDocument = { id: number | string; internal?: boolean | null; publishedSlug?: null | string; slug?: null | string }

/**
 * The slug under which the public reaches a document now, or null: a story's last published slug
 * (a draft's slug never counts), an internal tag's none. Only such slugs are ever recorded as old slugs.
 */
export const publicSlugOf = (collection: RedirectedCollection, doc: null | SlugDocument | undefined): null | string => {
  if (!doc) return null
  if (collection === 'articles') return doc.publishedSlug ?? null
  if (collection === 'tags' && doc.internal) return null
  return doc.slug ?? null
}

/** The slug the document answers to now; for a story its published one, which a newer draft does not change. */
export const liveSlugOf = (collection: RedirectedCollection, doc: SlugDocument): null | string =>
  collection === 'articles' ? (doc.publishedSlug ?? null) : (doc.slug ?? null)
