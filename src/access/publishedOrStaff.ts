import type { Access } from 'payload'

import { isStaff } from './roles'

// Constrains `_status` itself: the `draft` query argument is a preview switch, not access control.
export const publishedOrStaff: Access = ({ req: { user } }) =>
  isStaff(user) || { _status: { equals: 'published' } }
