import type { Payload, PayloadRequest, TypedUser } from 'payload'

import type { ReadMoreLink } from '../types'

import { getDialect } from '../dialects'
import { optionsOf } from './optionsOf'
import { parseLimit } from './parseLimit'
import { resolveReadMoreLinks } from './resolveLinks'

export type GetReadMoreLinksArgs = {
  collection: string
  id: number | string
  /** @default the plugin's `maxLinks`; at most 20 */
  limit?: number
  payload: Payload
  /** The reader, as with `overrideAccess: false`; omit or pass null for the public. */
  user?: null | PayloadRequest['user'] | TypedUser
}

/**
 * The Local API counterpart of `GET /api/<collection>/:id/read-more`: the same links, for the
 * same reader. There is no `overrideAccess`: the links are always those a reader may see.
 */
export const getReadMoreLinks = async ({ collection, id, limit, payload, user = null }: GetReadMoreLinksArgs): Promise<ReadMoreLink[]> => {
  const options = optionsOf(payload, collection)
  return resolveReadMoreLinks({ id, collection, limit: parseLimit(limit, options.maxLinks), options, payload, user })
}

/**
 * Recounts every topic of a collection from scratch. Run it after writes that bypassed Payload
 * (bulk SQL imports) or a period with `disabled: true`, when the hooks did not keep the counts.
 */
export const rebuildReadMoreCounts = async ({ collection, payload }: { collection: string; payload: Payload }): Promise<void> =>
  getDialect(payload).rebuildTopicCounts({ options: optionsOf(payload, collection), payload, slug: collection })
