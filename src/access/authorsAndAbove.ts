import type { Access } from 'payload'

import { hasRoleAtLeast } from './roles'

export const authorsAndAbove: Access = ({ req: { user } }) => hasRoleAtLeast(user, 'author')
