import type { Access } from 'payload'

import { isEditor } from './roles'

export const selfOrEditors: Access = ({ req: { user } }) => {
  if (!user) return false
  return isEditor(user) || { id: { equals: user.id } }
}
