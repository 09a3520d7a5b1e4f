import type { FieldHook } from 'payload'

import type { User } from '@/payload-types'

// The first account of a fresh install must be able to run it; every later account starts as
// a contributor unless an admin chooses otherwise (field access strips the role for anyone else).
export const assignFirstUserAdmin: FieldHook<User, User['role']> = async ({ operation, req, value }) => {
  if (operation !== 'create') return value ?? 'contributor'
  const { totalDocs } = await req.payload.count({ collection: 'users', req })
  return totalDocs === 0 ? 'admin' : (value ?? 'contributor')
}
