import type { Access } from 'payload'

import { isAdmin } from './roles'

export const adminsOnly: Access = ({ req: { user } }) => isAdmin(user)
