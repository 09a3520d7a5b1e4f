import type { FieldHook } from 'payload'

import { ValidationError } from 'payload'

import type { Article } from '@/payload-types'

import { hasRoleAtLeast } from '@/access/roles'
import { relationID } from '@/utilities/relationID'

/**
 * A contributor signs only with their own byline (the author profile whose `user` is their account);
 * authors and above sign as anyone. Bylines already on the story (an editor's co-byline) may stay:
 * only those the contributor adds are checked. A 400 naming `authors`.
 */
export const allowOwnBylineOnly: FieldHook<Article, Article['authors'] | null | undefined> = async ({
  collection,
  originalDoc,
  overrideAccess,
  req,
  value,
}) => {
  if (overrideAccess || !req.user || hasRoleAtLeast(req.user, 'author') || !Array.isArray(value)) return value
  const before = new Set((originalDoc?.authors ?? []).map(relationID))
  const added = [...new Set(value.map(relationID))].filter((id) => id !== undefined && !before.has(id))
  if (!added.length) return value
  // A system read: whose profiles these are is the rule itself, whatever the reader may see of `user`.
  const { totalDocs } = await req.payload.count({
    collection: 'authors',
    req,
    where: { and: [{ id: { in: added } }, { user: { equals: req.user.id } }] },
  })
  if (totalDocs === added.length) return value
  const message = 'a contributor may put only their own byline (the author profile linked to their account) on a story.'
  throw new ValidationError({ collection: collection?.slug, errors: [{ label: `authors: ${message}`, message, path: 'authors' }], req }, req.t)
}
