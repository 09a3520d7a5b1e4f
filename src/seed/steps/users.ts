import type { Payload } from 'payload'

import type { DemoUsers, SeedCount } from '../types'

import { demoLogins } from '../data/users'
import { findOne } from '../findOne'
import { emptyCount } from '../types'

/** Creates the missing demo logins, the admin first; an account that exists keeps its password and role. */
export const seedUsers = async (payload: Payload): Promise<{ count: SeedCount; users: DemoUsers }> => {
  const count = emptyCount()
  const users = {} as DemoUsers
  for (const { name, email, password, role } of demoLogins) {
    let user = await findOne(payload, 'users', { email: { equals: email } })
    if (user) count.existing++
    else {
      // The role is written explicitly: only the very first account of an install becomes admin by itself.
      user = await payload.create({ collection: 'users', data: { name, email, password, role }, overrideAccess: true })
      count.created++
    }
    users[role] = { ...user, collection: 'users' }
  }
  return { count, users }
}
