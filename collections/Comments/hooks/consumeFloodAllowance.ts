import type { CollectionAfterChangeHook } from 'payload'

import type { Comment } from '@/payload-types'

import type { FloodControl } from '../submission/floodControl'

import { submissionOf } from '../submission/submission'
import { tooManyComments } from '../submission/tooManyComments'

/**
 * Counts a stored comment against its sender's flood allowance. It runs inside the create's
 * transaction, so when another server instance sharing the counters got there first, throwing
 * the 429 here rolls the comment back. Runs before the moderators are notified.
 */
export const consumeFloodAllowance =
  (floodControl: FloodControl): CollectionAfterChangeHook<Comment> =>
  async ({ doc, operation, req }) => {
    const { sender } = submissionOf(req)
    if (operation !== 'create' || !sender?.screened || !sender.floodKeys.length) return doc
    let retryAfter = 0
    try {
      retryAfter = await floodControl.record(req, sender.floodKeys)
    } catch (err) {
      // A counter that cannot be written must not cost the reader their comment: it still awaits moderation.
      req.payload.logger.error({ err, msg: 'Could not count a comment against flood control.' })
    }
    if (retryAfter) throw tooManyComments(req, retryAfter)
    return doc
  }
