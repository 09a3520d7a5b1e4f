import type { FieldAccess } from 'payload'

import { hasRoleAtLeast, isAdmin, isEditor, isStaff } from './roles'

export const staffFieldOnly: FieldAccess = ({ req: { user } }) => isStaff(user)
export const authorFieldOnly: FieldAccess = ({ req: { user } }) => hasRoleAtLeast(user, 'author')
export const editorFieldOnly: FieldAccess = ({ req: { user } }) => isEditor(user)
export const adminFieldOnly: FieldAccess = ({ req: { user } }) => isAdmin(user)
