import type { Access } from 'payload'

import { isStaff } from './roles'

// Internal tags organise the newsroom's work and are invisible to the public everywhere.
export const publicTagsOrStaff: Access = ({ req: { user } }) =>
  isStaff(user) || { internal: { not_equals: true } }
