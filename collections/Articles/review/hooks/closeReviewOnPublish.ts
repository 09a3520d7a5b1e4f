import type { CollectionBeforeChangeHook } from 'payload'

import type { Article } from '@/payload-types'

/** Publishing ends the review: the story is back to `draft` for its next round, and the note is spent. */
export const closeReviewOnPublish: CollectionBeforeChangeHook<Article> = ({ data }) =>
  data._status === 'published' ? { ...data, reviewNote: null, workflow: 'draft' } : data
