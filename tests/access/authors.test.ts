import { beforeAll } from 'vitest'

import type { Author } from '@/payload-types'

import type { StaffRole } from './matrix'
import type { DeleteCase } from './expectations'

import { expectCreates, expectDeletes, expectReads, expectUpdates } from './expectations'
import { roles, someoneElse } from './matrix'
import { describeMatrix, slugOf, toSlug, useAccessSuite } from './suite'

const suite = useAccessSuite()

/** Each staff account's byline (`user` is unique, so there is one per account and tests share them). */
const linked = {} as Record<StaffRole, Author>
let freelance: Author
/** A fresh unlinked byline per surface and role for the delete tests. */
const victims = new Map<string, Author>()

beforeAll(async () => {
  const payload = suite.payload()
  const staff = suite.staff()
  const byline = (name: string, user?: number) =>
    payload.create({
      collection: 'authors',
      data: { name, slug: toSlug(name), user },
      depth: 0,
      overrideAccess: false,
      user: staff.editor.user,
    })
  for (const role of ['contributor', 'author', 'editor', 'admin'] as const) {
    linked[role] = await byline(`Byline of ${role}`, staff[role].user.id)
  }
  freelance = await byline('Freelance')
  for (const surface of suite.surfaces) {
    for (const role of roles) victims.set(suite.key(surface, role), await byline(`Victim ${suite.key(surface, role)}`))
  }
})

describeMatrix('authors', suite, {
  create: ({ actor, outcome, role, surface }) =>
    expectCreates({ actor, collection: 'authors', payload: suite.payload(), surface }, [
      { allowed: outcome === 'any', data: { name: 'New Byline', slug: slugOf(role, surface, 'new byline') }, name: 'byline' },
    ]),
  delete: ({ actor, outcome, role, surface }) => {
    const cases: DeleteCase[] = [{ allowed: outcome === 'all', id: victims.get(suite.key(surface, role))!.id, name: 'unlinked byline' }]
    // Only tried where it must fail: `user` is unique, so a linked byline cannot be copied for each test.
    if (role !== 'anonymous' && outcome === 'none') cases.push({ allowed: false, id: linked[role].id, name: 'own byline' })
    return expectDeletes({ actor, collection: 'authors', payload: suite.payload(), surface }, cases)
  },
  read: ({ actor, hidden, role, surface }) => {
    const probe = linked[role === 'anonymous' ? 'contributor' : role]
    return expectReads(
      { actor, collection: 'authors', payload: suite.payload(), surface },
      {
        probe: { fields: { generateSlug: probe.generateSlug, user: probe.user }, hidden, id: probe.id },
        readable: [freelance.id, ...Object.values(linked).map(({ id }) => id)],
        unreadable: [],
      },
    )
  },
  update: ({ actor, outcome, role, surface }) => {
    // Renames only, so the shared bylines stay fit for every other test.
    const rename = (which: string) => ({ name: `${which} renamed by ${role} over ${surface.name}` })
    const allowedIf = (granted: boolean) => (granted ? ('allowed' as const) : ('refused' as const))
    return expectUpdates({ actor, collection: 'authors', payload: suite.payload(), surface }, [
      ...(role === 'anonymous'
        ? []
        : [{ data: rename('Own'), expect: allowedIf(outcome !== 'none'), id: linked[role].id, name: 'own byline' }]),
      {
        data: rename('Other'),
        expect: allowedIf(outcome === 'all'),
        id: linked[someoneElse[role]].id,
        name: `${someoneElse[role]}'s byline`,
      },
      { data: rename('Freelance'), expect: allowedIf(outcome === 'all'), id: freelance.id, name: 'unlinked byline' },
    ])
  },
})
