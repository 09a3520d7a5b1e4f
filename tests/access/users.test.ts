import { beforeAll, expect } from 'vitest'

import type { User } from '@/payload-types'

import type { DeleteCase, UpdateCase } from './expectations'

import { STAFF_PASSWORD } from '../helpers/staff'
import { expectCreates, expectDeletes, expectGranted, expectReads, expectRefused, expectUpdates, label } from './expectations'
import { roles } from './matrix'
import { describeAuthMatrix, describeMatrix, slugOf, toSlug, useAccessSuite } from './suite'

const suite = useAccessSuite()

/** Fresh contributor accounts per surface and role, so no test renames, demotes, deletes or unlocks a logged-in one. */
const forWrites = new Map<string, { delete: User; locked: User; update: User }>()

/** As failed logins leave it: Payload's lockout until a minute from now. */
const LOCKED = { lockUntil: () => new Date(Date.now() + 60_000).toISOString(), loginAttempts: 20 }

beforeAll(async () => {
  const payload = suite.payload()
  // Written straight to the database: these accounts never log in, and hashing a password for each of
  // them would cost more than every test in this file.
  const account = async (name: string, data: Partial<User> = {}): Promise<User> =>
    (await payload.db.create({
      collection: 'users',
      data: { name, email: `${toSlug(name)}@newsroom.test`, role: 'contributor', ...data },
    })) as User
  for (const surface of suite.surfaces) {
    for (const role of roles) {
      const key = suite.key(surface, role)
      forWrites.set(key, {
        delete: await account(`Delete ${key}`),
        locked: await account(`Locked ${key}`, { lockUntil: LOCKED.lockUntil(), loginAttempts: LOCKED.loginAttempts }),
        update: await account(`Update ${key}`),
      })
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

/** The lockout fields are hidden from every read, so they are read from the database itself. */
const storedLock = async (id: number) => {
  const doc = await suite.payload().db.findOne<User>({ collection: 'users', where: { id: { equals: id } } })
  return { lockUntil: doc?.lockUntil ?? null, loginAttempts: doc?.loginAttempts ?? null }
}

describeAuthMatrix('users', suite, {
  unlock: async ({ actor, outcome, role, surface }) => {
    const account = forWrites.get(suite.key(surface, role))!.locked
    const message = label(surface, actor, 'unlock a locked account')
    const answer = await surface.unlock('users', actor, account.email)
    const after = await storedLock(account.id)
    if (outcome === 'any') {
      expectGranted(answer, message)
      expect(after, `${message}: stored lock`).toEqual({ lockUntil: null, loginAttempts: 0 })
    } else {
      expectRefused(answer, message)
      expect(after.loginAttempts, `${message}: stored attempts`).toBe(LOCKED.loginAttempts)
      expect(new Date(after.lockUntil!).getTime(), `${message}: still locked`).toBeGreaterThan(Date.now())
    }
  },
})
