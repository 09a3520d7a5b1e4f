import { beforeAll } from 'vitest'

import type { Tag } from '@/payload-types'

import { expectCreates, expectDeletes, expectReads, expectUpdates } from './expectations'
import { roles } from './matrix'
import { describeMatrix, slugOf, toSlug, useAccessSuite } from './suite'

const suite = useAccessSuite()

type Tags = { internal: Tag; public: Tag }

let shared: Tags
/** Fresh tags per surface and role, so every write lands on a document no other test touches. */
const forWrites = new Map<string, { delete: Tags; update: Tags }>()

beforeAll(async () => {
  const payload = suite.payload()
  const { editor } = suite.staff()
  const tags = async (label: string): Promise<Tags> => ({
    internal: await payload.create({
      collection: 'tags',
      data: { name: `Internal ${label}`, internal: true, slug: toSlug(`Internal ${label}`) },
      overrideAccess: false,
      user: editor.user,
    }),
    public: await payload.create({
      collection: 'tags',
      data: { name: `Public ${label}`, slug: toSlug(`Public ${label}`) },
      overrideAccess: false,
      user: editor.user,
    }),
  })
  shared = await tags('shared')
  for (const surface of suite.surfaces) {
    for (const role of roles) {
      const key = suite.key(surface, role)
      forWrites.set(key, { delete: await tags(`${key} delete`), update: await tags(`${key} update`) })
    }
  }
})

describeMatrix('tags', suite, {
  create: ({ actor, outcome, surface }) =>
    expectCreates({ actor, collection: 'tags', payload: suite.payload(), surface }, [
      {
        allowed: outcome === 'any',
        data: { name: 'Created', slug: slugOf(actor.role, surface, 'created') },
        name: 'public tag',
      },
      {
        allowed: outcome === 'any',
        data: { name: 'Created', internal: true, slug: slugOf(actor.role, surface, 'created internal') },
        name: 'internal tag',
      },
    ]),
  delete: ({ actor, outcome, role, surface }) => {
    const { delete: tags } = forWrites.get(suite.key(surface, role))!
    return expectDeletes({ actor, collection: 'tags', payload: suite.payload(), surface }, [
      { allowed: outcome === 'all', id: tags.public.id, name: 'public tag' },
      { allowed: outcome === 'all', id: tags.internal.id, name: 'internal tag' },
    ])
  },
  read: ({ actor, hidden, outcome, surface }) => {
    const probe = { fields: { adminTitle: shared.public.adminTitle, generateSlug: shared.public.generateSlug }, hidden, id: shared.public.id }
    return expectReads(
      { actor, collection: 'tags', payload: suite.payload(), surface },
      outcome === 'all'
        ? { probe, readable: [shared.public.id, shared.internal.id], unreadable: [] }
        : { probe, readable: [shared.public.id], unreadable: [shared.internal.id] },
    )
  },
  update: ({ actor, outcome, role, surface }) => {
    const { update: tags } = forWrites.get(suite.key(surface, role))!
    const data = { name: `Renamed by ${role} over ${surface.name}` }
    const expected = outcome === 'all' ? 'allowed' : 'refused'
    return expectUpdates({ actor, collection: 'tags', payload: suite.payload(), surface }, [
      { data, expect: expected, id: tags.public.id, name: 'public tag' },
      { data, expect: expected, id: tags.internal.id, name: 'internal tag' },
    ])
  },
})
