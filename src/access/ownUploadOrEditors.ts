import type { Access } from 'payload'

import { isEditor, isStaff } from './roles'

export const ownUploadOrEditors: Access = ({ req: { user } }) => {
  if (!user || !isStaff(user)) return false
  return isEditor(user) || { createdBy: { equals: user.id } }
}
