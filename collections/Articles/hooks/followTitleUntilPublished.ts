import type { CollectionBeforeChangeHook } from 'payload'

import { slugify } from 'payload/shared'

import type { Article } from '@/payload-types'

/**
 * While a story has never been published its slug follows the headline, unless someone typed a
 * slug of their own. Once published the slug is stable, because readers and search engines link to it.
 */
export const followTitleUntilPublished: CollectionBeforeChangeHook<Article> = ({ data, operation, originalDoc }) => {
  if (operation !== 'update' || !originalDoc || originalDoc.publishedAt || !data.title) return data
  const slugWasGenerated = originalDoc.slug === slugify(originalDoc.title)
  const slugUntouched = data.slug === undefined || data.slug === originalDoc.slug
  if (slugWasGenerated && slugUntouched && data.title !== originalDoc.title) {
    data.slug = slugify(data.title)
  }
  return data
}
