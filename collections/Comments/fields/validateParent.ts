import type { Validate } from 'payload'

import { relationship } from 'payload/shared'

import { readableIDs } from '@plugins/public-reads'

import { validateRelationship } from '@/fields/validateRelationExists'
import { relationID } from '@/utilities/relationID'

import { loadParent } from '../submission/storedDocuments'

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
  // Asked through the public-read policy's memo, which the response's relation hiding reads again.
  if (!(await readableIDs(req, 'comments', [parentID])).has(String(parentID))) return PARENT_NOT_ALLOWED
  // The writer may read this parent, but not necessarily its status: the create's one system read of it.
  const parent = await loadParent(req, parentID)
  if (!parent || parent.status !== 'approved' || String(relationID(parent.article)) !== String(relationID(data.article))) {
    return PARENT_NOT_ALLOWED
  }
  return (parent.level ?? 0) >= MAX_REPLY_LEVEL ? TOO_DEEP : true
}
