import type { Access } from 'payload'

import { isEditor, isStaff } from './roles'

/** Staff may edit the byline profile linked to their own account; editors edit any. */
export const ownProfileOrEditors: Access = ({ req: { user } }) => {
  if (!user || !isStaff(user)) return false
  return isEditor(user) || { user: { equals: user.id } }
}
