import type { Access } from 'payload'

import { isAdmin, isEditor } from './roles'

/** The collections whose audit entries editors may read: the newsroom's content, not its accounts. */
export const contentCollections = ['articles', 'authors', 'tags', 'comments', 'media'] as const

/**
 * Admins read every audit entry; editors those about content, so role, API-key and lockout
 * entries (about accounts) stay with admins; everyone else reads none.
 */
export const contentEntriesOrAdmins: Access = ({ req: { user } }) => {
  if (isAdmin(user)) return true
  if (isEditor(user)) return { collection: { in: [...contentCollections] } }
  return false
}
