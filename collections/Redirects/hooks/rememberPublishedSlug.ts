import type { FieldHook } from 'payload'

import type { Article } from '@/payload-types'

/**
 * Each save that leaves the story published records its slug as the one readers know. A field hook
 * after the slug's own: Payload's `generateSlug` may still rewrite the slug in this same pass.
 */
export const rememberPublishedSlug: FieldHook<Article, null | string | undefined> = ({ data, originalDoc, siblingData }) => {
  const published = (data?._status ?? originalDoc?._status) === 'published'
  return published ? (siblingData.slug ?? originalDoc?.slug ?? null) : (originalDoc?.publishedSlug ?? null)
}
