import type { CollectionBeforeChangeHook } from 'payload'

import type { Comment } from '@/payload-types'

import { submissionOf } from '../submission/submission'

/**
 * Whatever a reader sends, their comment starts as pending. Field access already drops a `status`
 * they post; this holds even if that access rule is ever loosened. Moderators' and trusted system
 * writes keep the status they chose.
 */
export const forcePendingStatus: CollectionBeforeChangeHook<Comment> = ({ data, operation, req }) => {
  if (operation === 'create' && submissionOf(req).sender?.screened) data.status = 'pending'
  return data
}
