import type { Validate } from 'payload'

import { relationship } from 'payload/shared'

import { readableIDs } from '@plugins/public-reads'

import { validateRelationship } from '@/fields/validateRelationExists'
import { relationID } from '@/utilities/relationID'

/** How deep replies may nest: a reply to a reply to a reply, and no further. */
export const MAX_REPLY_LEVEL = 3

export const PARENT_NOT_ALLOWED = "A reply's parent must be an approved comment on the same article."
export const TOO_DEEP = `Replies nest at most ${MAX_REPLY_LEVEL} levels.`

/**
 * A new reply's parent must be an approved comment on the same article, at most `MAX_REPLY_LEVEL`
 * levels deep. A parent the writer may not read gets the same message as an unapproved one, so
 * the answer reveals nothing. Trusted system writes and later edits keep the plain existence check.
 */
export const validateParent: Validate = async (value, options) => {
  const { data, operation, overrideAccess, req } = options as Parameters<Validate>[1] & {
    data: { article?: unknown }
    operation?: string
  }
  const parentID = relationID(value)
  if (overrideAccess || operation !== 'create' || parentID === undefined) return validateRelationship(value, options)
  const shape = await (relationship as Validate)(value, options)
  if (shape !== true) return shape
  if (!(await readableIDs(req, 'comments', [parentID])).has(String(parentID))) return PARENT_NOT_ALLOWED
  // A system read: the writer may read this parent, but not necessarily its status.
  const parent = await req.payload.findByID({
    collection: 'comments',
    depth: 0,
    disableErrors: true,
    id: parentID,
    req,
    select: { article: true, level: true, status: true },
  })
  if (!parent || parent.status !== 'approved' || String(relationID(parent.article)) !== String(relationID(data.article))) {
    return PARENT_NOT_ALLOWED
  }
  return (parent.level ?? 0) >= MAX_REPLY_LEVEL ? TOO_DEEP : true
}
