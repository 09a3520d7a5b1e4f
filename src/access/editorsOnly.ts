import type { Access } from 'payload'

import { isEditor } from './roles'

/** Editors and admins. */
export const editorsOnly: Access = ({ req: { user } }) => isEditor(user)
