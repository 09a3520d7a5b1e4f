import type { CollectionBeforeChangeHook } from 'payload'

import type { Article } from '@/payload-types'

/** Each save that leaves the story published records its slug as the one readers know. */
export const rememberPublishedSlug: CollectionBeforeChangeHook<Article> = ({ data, originalDoc }) => {
  const status = data._status ?? originalDoc?._status
  if (status !== 'published') return data
  const slug = data.slug ?? originalDoc?.slug
  if (slug) data.publishedSlug = slug
  return data
}
