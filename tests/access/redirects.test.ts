import { beforeAll } from 'vitest'

import { expectCreates, expectDeletes, expectReads, expectUpdates } from './expectations'
import { roles } from './matrix'
import { describeMatrix, slugOf, useAccessSuite } from './suite'

const suite = useAccessSuite()

/** Old slugs of a published story and of a draft one: staff read both, the public neither. */
let shared: { draft: number; published: number }
let storyID: number
/** A fresh record per surface and role, so every write lands on a document no other test touches. */
const forWrites = new Map<string, { delete: number; update: number }>()

const record = async (from: string, id = storyID): Promise<number> =>
  // Records are written by the hooks alone; fixtures are made the same way, as trusted system work.
  (await suite.payload().create({ collection: 'redirects', data: { from, to: { relationTo: 'articles', value: id } } })).id

beforeAll(async () => {
  const payload = suite.payload()
  const author = await payload.create({ collection: 'authors', data: { name: 'Redirect Fixture', slug: 'redirect-fixture' } })
  storyID = (await payload.create({ collection: 'articles', data: { _status: 'published', authors: [author.id], slug: 'redirect-story', title: 'Redirect story' } })).id
  const draft = (await payload.create({ collection: 'articles', data: { _status: 'draft', authors: [author.id], slug: 'redirect-draft', title: 'Redirect draft' }, draft: true })).id
  shared = { draft: await record('old-draft-slug', draft), published: await record('old-published-slug') }
  for (const surface of suite.surfaces) {
    for (const role of roles) {
      const key = suite.key(surface, role)
      forWrites.set(key, { delete: await record(slugOf(role, surface, 'delete')), update: await record(slugOf(role, surface, 'update')) })
    }
  }
})

describeMatrix('redirects', suite, {
  create: ({ actor, outcome, surface }) =>
    expectCreates({ actor, collection: 'redirects', payload: suite.payload(), surface }, [
      {
        allowed: outcome !== 'none',
        data: { from: slugOf(actor.role, surface, 'forged'), to: { relationTo: 'articles', value: storyID } },
        name: 'redirect',
      },
    ]),
  delete: ({ actor, outcome, role, surface }) =>
    expectDeletes({ actor, collection: 'redirects', payload: suite.payload(), surface }, [
      { allowed: outcome === 'all', id: forWrites.get(suite.key(surface, role))!.delete, name: 'redirect' },
    ]),
  read: ({ actor, outcome, surface }) =>
    expectReads(
      { actor, collection: 'redirects', payload: suite.payload(), surface },
      outcome === 'all' ? { readable: [shared.published, shared.draft], unreadable: [] } : { refused: [shared.published, shared.draft] },
    ),
  update: ({ actor, role, surface }) =>
    expectUpdates({ actor, collection: 'redirects', payload: suite.payload(), surface }, [
      { data: { from: slugOf(role, surface, 'rewritten') }, expect: 'refused', id: forWrites.get(suite.key(surface, role))!.update, name: 'redirect' },
    ]),
})
