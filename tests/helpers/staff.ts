import type { Payload } from 'payload'

import { beforeAll } from 'vitest'

import type { Role } from '@/access/roles'
import type { User } from '@/payload-types'

import { type BootOptions, type TestContext, useTestPayload } from './bootPayload'

export const STAFF_PASSWORD = 'test-password-1234'

export type Staff = Record<Role, { token: string; user: User & { collection: 'users' } }>

/** Creates one account per role (the first becomes admin, as on a fresh install) and logs each in. */
export const createStaff = async (payload: Payload): Promise<Staff> => {
  const staff = {} as Staff
  for (const role of ['admin', 'editor', 'author', 'contributor'] as const) {
    const email = `${role}@newsroom.test`
    await payload.create({
      collection: 'users',
      data: { name: `Test ${role}`, email, password: STAFF_PASSWORD, role },
    })
    const { token, user } = await payload.login({ collection: 'users', data: { email, password: STAFF_PASSWORD } })
    staff[role] = { token: token!, user: { ...(user as User), collection: 'users' } }
  }
  return staff
}

/**
 * `useTestPayload`, plus one logged-in account per staff role. Both objects are filled in by
 * `beforeAll`: read them in later hooks and in tests, never at import time.
 */
export const useStaffPayload = (options?: BootOptions): { ctx: TestContext; staff: Staff } => {
  const ctx = useTestPayload(options)
  const staff = {} as Staff
  beforeAll(async () => {
    Object.assign(staff, await createStaff(ctx.payload))
  })
  return { ctx, staff }
}
