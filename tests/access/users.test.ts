import { beforeAll } from 'vitest'

import type { User } from '@/payload-types'

import type { DeleteCase, UpdateCase } from './expectations'

import { STAFF_PASSWORD } from '../helpers/staff'
import { expectCreates, expectDeletes, expectReads, expectUpdates } from './expectations'
import { roles } from './matrix'
import { describeMatrix, slugOf, toSlug, useAccessSuite } from './suite'

const suite = useAccessSuite()

/** Fresh contributor accounts per surface and role, so no test renames, demotes or deletes a logged-in one. */
const forWrites = new Map<string, { delete: User; update: User }>()

beforeAll(async () => {
  const payload = suite.payload()
  // Written straight to the database: these accounts never log in, and hashing a password for each of
  // them would cost more than every test in this file.
  const account = async (name: string): Promise<User> =>
    (await payload.db.create({
      collection: 'users',
      data: { name, email: `${toSlug(name)}@newsroom.test`, role: 'contributor' },
    })) as User
  for (const surface of suite.surfaces) {
    for (const role of roles) {
      const key = suite.key(surface, role)
      forWrites.set(key, { delete: await account(`Delete ${key}`), update: await account(`Update ${key}`) })
    }
  }
})

const staffIDs = () => Object.values(suite.staff()).map(({ user }) => user.id)

describeMatrix('users', suite, {
  create: ({ actor, outcome, role, surface }) => {
    const email = `${slugOf(role, surface, 'new')}@newsroom.test`
    return expectCreates({ actor, collection: 'users', payload: suite.payload(), surface }, [
      {
        allowed: outcome === 'any',
        data: { name: 'New Account', email, password: STAFF_PASSWORD, role: 'author' },
        name: 'author account',
        stored: { name: 'New Account', email, role: 'author' },
      },
    ])
  },
  delete: ({ actor, outcome, role, surface }) => {
    const cases: DeleteCase[] = [
      { allowed: outcome === 'all', id: forWrites.get(suite.key(surface, role))!.delete.id, name: 'another account' },
    ]
    // Only tried where it must fail: the logged-in accounts are needed by every later test.
    if (actor.user && outcome === 'none') cases.push({ allowed: false, id: actor.user.id, name: 'own account' })
    return expectDeletes({ actor, collection: 'users', payload: suite.payload(), surface }, cases)
  },
  read: ({ actor, outcome, surface }) => {
    const check = { actor, collection: 'users' as const, payload: suite.payload(), surface }
    if (outcome === 'none') return expectReads(check, { refused: staffIDs() })
    const readable = outcome === 'all' ? staffIDs() : [actor.user!.id]
    return expectReads(check, { readable, unreadable: staffIDs().filter((id) => !readable.includes(id)) })
  },
  update: ({ actor, outcome, role, surface }) => {
    const other = forWrites.get(suite.key(surface, role))!.update
    const name = `Renamed by ${role} over ${surface.name}`
    const cases: UpdateCase<'users'>[] = [
      { data: { name }, expect: outcome === 'all' ? 'allowed' : 'refused', id: other.id, name: 'rename another account' },
      {
        data: { role: 'editor' },
        expect: outcome === 'all' ? 'allowed' : 'refused',
        id: other.id,
        name: "change another account's role",
      },
    ]
    if (actor.user) {
      cases.push({
        data: { name },
        expect: outcome === 'none' ? 'refused' : 'allowed',
        id: actor.user.id,
        name: 'rename own account',
      })
      // Field access drops the role rather than refusing the request, so only the stored role is asserted.
      if (outcome === 'self') {
        cases.push({ data: { role: 'admin' }, expect: 'ignored', id: actor.user.id, name: 'raise own role' })
      }
    }
    return expectUpdates({ actor, collection: 'users', payload: suite.payload(), surface }, cases)
  },
})
