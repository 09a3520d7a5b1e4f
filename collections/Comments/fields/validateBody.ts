import type { Validate } from 'payload'

import { textarea } from 'payload/shared'

import { relationID } from '@/utilities/relationID'

export const DUPLICATE_WINDOW_MS = 24 * 60 * 60 * 1000

export const DUPLICATE_BODY = 'This comment is a duplicate: the same text was posted on this article in the last 24 hours.'

/**
 * Payload's own textarea check, then no repeat: the same (trimmed) text on the same article within
 * a day is refused, as WordPress refuses duplicate comments. Counted among every status, since a
 * duplicate of a comment still waiting for moderation is a duplicate all the same.
 */
export const validateBody: Validate = async (value, options) => {
  const result = await (textarea as Validate)(value, options)
  const { data, operation, overrideAccess, req } = options as Parameters<Validate>[1] & {
    data: { article?: unknown }
    operation?: string
  }
  const article = relationID(data?.article)
  if (result !== true || overrideAccess || operation !== 'create' || typeof value !== 'string' || article === undefined) {
    return result
  }
  // A system read: readers may not see pending comments, yet a copy of one is still a copy.
  const { totalDocs } = await req.payload.count({
    collection: 'comments',
    req,
    where: {
      and: [
        { article: { equals: article } },
        { body: { equals: value } },
        { createdAt: { greater_than: new Date(Date.now() - DUPLICATE_WINDOW_MS).toISOString() } },
      ],
    },
  })
  return totalDocs ? DUPLICATE_BODY : true
}
