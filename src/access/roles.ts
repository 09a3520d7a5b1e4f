import type { User } from '@/payload-types'

export const roles = ['admin', 'editor', 'author', 'contributor'] as const

export type Role = (typeof roles)[number]

type MaybeUser = null | Partial<Pick<User, 'role'>> | undefined

/** Staff roles from the most to the least powerful; a role includes the powers of those after it. */
const rank: Record<Role, number> = { admin: 4, editor: 3, author: 2, contributor: 1 }

/** True when the user holds `role` or a more powerful one. */
export const hasRoleAtLeast = (user: MaybeUser, role: Role): boolean =>
  Boolean(user?.role && rank[user.role] >= rank[role])

export const isStaff = (user: MaybeUser): boolean => hasRoleAtLeast(user, 'contributor')
export const isEditor = (user: MaybeUser): boolean => hasRoleAtLeast(user, 'editor')
export const isAdmin = (user: MaybeUser): boolean => hasRoleAtLeast(user, 'admin')
