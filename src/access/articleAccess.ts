import type { Access, Where } from 'payload'

import { hasRoleAtLeast, isEditor, isStaff } from './roles'

// The admin panel asks these with `_status: 'published'` to decide whether to show the Publish button.
const isPublishing = (data: unknown): boolean =>
  (data as undefined | { _status?: string })?._status === 'published'

const createdBy = (id: number | string): Where => ({ createdBy: { equals: id } })

/** Contributors write drafts only; authors and above may create published stories. */
export const createDraftUnlessAuthor: Access = ({ data, req: { user } }) => {
  if (!isStaff(user)) return false
  return hasRoleAtLeast(user, 'author') || !isPublishing(data)
}

/** Editors edit every story, authors their own, contributors their own until it is first published. */
export const updateOwnArticleOrEditors: Access = ({ data, req: { user } }) => {
  if (!user || !isStaff(user)) return false
  if (isEditor(user)) return true
  if (hasRoleAtLeast(user, 'author')) return createdBy(user.id)
  if (isPublishing(data)) return false
  // `publishedAt` is set on first publish and contributors cannot write it, so it marks "ever published".
  return { and: [createdBy(user.id), { publishedAt: { exists: false } }] }
}

/** Editors delete any story; authors only their own drafts. */
export const deleteOwnDraftOrEditors: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isEditor(user)) return true
  if (hasRoleAtLeast(user, 'author')) return { and: [createdBy(user.id), { _status: { equals: 'draft' } }] }
  return false
}
