import type { CollectionBeforeChangeHook } from 'payload'

import type { Comment } from '@/payload-types'

import { countLinks } from '../submission/countLinks'
import { submissionOf } from '../submission/submission'

/** A reader's comment with more links than this is filed as spam: link lists are what comment spam is made of. */
export const MAX_LINKS = 2

type Submitted = Partial<Comment> & { website?: unknown }

/**
 * Stores what moderators judge a new comment by (honeypot, links, recent posts from the same
 * sender) and the salted hash of the sender's address. A filled honeypot or too many links files
 * a reader's comment as spam; the response stays a normal 201, so a bot learns nothing.
 */
export const recordSignals: CollectionBeforeChangeHook<Comment> = ({ data, operation, req }) => {
  const { sender } = submissionOf(req)
  if (operation !== 'create' || !sender) return data
  const { website, ...rest } = data as Submitted
  const signals = {
    flood: sender.recent,
    honeypot: typeof website === 'string' && website.trim() !== '',
    links: countLinks(typeof data.body === 'string' ? data.body : ''),
  }
  const isSpam = sender.screened && (signals.honeypot || signals.links > MAX_LINKS)
  return { ...rest, ipHash: sender.ipHash, signals, ...(isSpam ? { status: 'spam' as const } : {}) }
}
