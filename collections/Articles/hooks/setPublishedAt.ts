import type { CollectionBeforeChangeHook } from 'payload'

import type { Article } from '@/payload-types'

/** Stamps the first publication; a date an editor set by hand (backdating, embargo) is kept. */
export const setPublishedAt: CollectionBeforeChangeHook<Article> = ({ data, originalDoc }) => {
  if (data._status === 'published' && !data.publishedAt && !originalDoc?.publishedAt) {
    data.publishedAt = new Date().toISOString()
  }
  return data
}
