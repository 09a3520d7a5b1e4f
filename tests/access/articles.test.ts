import { beforeAll, expect } from 'vitest'

import type { Article, Author } from '@/payload-types'

import type { MatrixRole, Outcome, StaffRole } from './matrix'

import {
  expectCreates,
  expectDeletes,
  expectGranted,
  expectReads,
  expectRefused,
  expectUpdates,
  label,
  sortedIDs,
} from './expectations'
import { executeSQL } from '../helpers/testDatabase'
import { roles, someoneElse } from './matrix'
import { describeMatrix, slugOf, toSlug, useAccessSuite } from './suite'

const suite = useAccessSuite()

/** `unpublished`: published once, then back to draft, so `publishedAt` is set on a draft. */
type State = 'draft' | 'published' | 'unpublished'
/** What the write tests reach for: their own articles in every state, and someone else's draft and published one. */
type Kind = 'others:draft' | 'others:published' | `own:${State}`

/** Which update outcomes may retitle an article of each kind. */
const retitledBy: Record<Kind, Outcome<'articles', 'update'>[]> = {
  'others:draft': ['all'],
  'others:published': ['all'],
  'own:draft': ['own-never-published', 'own', 'all'],
  'own:published': ['own', 'all'],
  'own:unpublished': ['own', 'all'],
}

/** Which update outcomes may publish a draft of each kind. */
const publishedBy: Record<'others:draft' | 'own:draft', Outcome<'articles', 'update'>[]> = {
  'others:draft': ['all'],
  'own:draft': ['own', 'all'],
}

/** Which delete outcomes may delete an article of each kind. */
const deletedBy: Record<Kind, Outcome<'articles', 'delete'>[]> = {
  'others:draft': ['all'],
  'others:published': ['all'],
  'own:draft': ['own-drafts', 'all'],
  'own:published': ['all'],
  'own:unpublished': ['own-drafts', 'all'],
}

type Articles = Partial<Record<Kind, Article>>
type WriteFixtures = { delete: Articles; update: Articles }

let byline: Author
/** Read fixtures: one article per state, by the editor, and one published article by each staff role. */
let shared: Record<State, Article>
/** Published, then revised in a draft not yet published: the public must keep reading the published version. */
let revised: Article
const UNRELEASED = 'Unreleased revision'
const publishedByRole = {} as Record<StaffRole, Article>
/** Fresh articles per surface and role, so every write lands on a document no other test touches. */
const forWrites = new Map<string, WriteFixtures>()

beforeAll(async () => {
  const payload = suite.payload()
  const staff = suite.staff()
  byline = await payload.create({
    collection: 'authors',
    // The contributor's own byline: the one byline a contributor may sign with.
    data: { name: 'Test Byline', slug: 'test-byline', user: staff.contributor.user.id },
    overrideAccess: false,
    user: staff.editor.user,
  })
  // Fixtures are system work, so access is overridden; `user` still makes the owner the article's `createdBy`.
  const article = async (owner: StaffRole, state: State, title: string): Promise<Article> => {
    const doc = await payload.create({
      collection: 'articles',
      data: { _status: state === 'draft' ? 'draft' : 'published', authors: [byline.id], slug: toSlug(title), title },
      depth: 0,
      overrideAccess: true,
      user: staff[owner].user,
    })
    if (state !== 'unpublished') return doc
    return payload.update({
      id: doc.id,
      collection: 'articles',
      data: { _status: 'draft' },
      depth: 0,
      overrideAccess: true,
      user: staff.editor.user,
    })
  }
  const articles = async (role: MatrixRole, purpose: string): Promise<Articles> => {
    const set: Articles = {
      'others:draft': await article(someoneElse[role], 'draft', `Others' draft ${purpose}`),
      'others:published': await article(someoneElse[role], 'published', `Others' published ${purpose}`),
    }
    if (role === 'anonymous') return set
    for (const state of ['draft', 'published', 'unpublished'] as const) {
      set[`own:${state}`] = await article(role, state, `Own ${state} ${purpose}`)
    }
    return set
  }

  shared = {
    draft: await article('editor', 'draft', 'Shared draft'),
    published: await article('editor', 'published', 'Shared published'),
    unpublished: await article('editor', 'unpublished', 'Shared unpublished'),
  }
  revised = await article('editor', 'published', 'Revised published')
  await payload.update({
    id: revised.id,
    collection: 'articles',
    data: { title: UNRELEASED },
    draft: true,
    overrideAccess: true,
    user: staff.editor.user,
  })
  for (const role of ['contributor', 'author', 'editor', 'admin'] as const) {
    const doc = await article(role, 'published', `Published by ${role}`)
    // Publishing clears the review note, so one is written into the database: the probe then tests that
    // the note is hidden, not merely absent.
    const reviewNote = `Review note on ${doc.id}`
    await executeSQL(payload, `UPDATE articles SET review_note = '${reviewNote}' WHERE id = ${doc.id}`)
    publishedByRole[role] = { ...doc, reviewNote }
  }
  for (const surface of suite.surfaces) {
    for (const role of roles) {
      const key = suite.key(surface, role)
      forWrites.set(key, { delete: await articles(role, `${key} delete`), update: await articles(role, `${key} update`) })
    }
  }
  expect(shared.unpublished).toMatchObject({ _status: 'draft', publishedAt: expect.any(String) })
})

const entries = <T>(record: Partial<Record<Kind, T>>) => Object.entries(record) as [Kind, T][]

describeMatrix('articles', suite, {
  create: ({ actor, outcome, role, surface }) => {
    const data = (status: 'draft' | 'published') => ({
      _status: status,
      authors: [byline.id],
      slug: slugOf(role, surface, `created ${status}`),
      title: `Created ${status}`,
    })
    return expectCreates({ actor, collection: 'articles', payload: suite.payload(), surface }, [
      {
        allowed: outcome !== 'none',
        data: data('draft'),
        name: 'draft',
        stored: { _status: 'draft', createdBy: actor.user?.id, publishedAt: null },
      },
      {
        allowed: outcome === 'any',
        data: data('published'),
        name: 'published',
        stored: { _status: 'published', createdBy: actor.user?.id, publishedAt: expect.any(String) },
      },
    ])
  },
  delete: ({ actor, outcome, role, surface }) =>
    expectDeletes(
      { actor, collection: 'articles', payload: suite.payload(), surface },
      entries(forWrites.get(suite.key(surface, role))!.delete).map(([kind, { id }]) => ({
        allowed: deletedBy[kind].includes(outcome),
        id,
        name: kind,
      })),
    ),
  read: async ({ actor, hidden, outcome, role, surface }) => {
    const own = role === 'anonymous' ? publishedByRole.author : publishedByRole[role]
    const drafts = [shared.draft.id, shared.unpublished.id]
    await expectReads(
      { actor, collection: 'articles', payload: suite.payload(), surface },
      {
        probe: {
          fields: {
            createdBy: own.createdBy,
            generateSlug: own.generateSlug,
            reviewNote: own.reviewNote,
            updatedBy: own.updatedBy,
            workflow: own.workflow,
          },
          hidden,
          id: own.id,
        },
        readable: [shared.published.id, revised.id, ...Object.values(publishedByRole).map(({ id }) => id)].concat(
          outcome === 'all' ? drafts : [],
        ),
        unreadable: outcome === 'all' ? [] : drafts,
      },
    )

    // Asking for drafts (`draft: true`, as previews do) is a switch, not a way around access.
    const preview = { draft: true }
    const listed = expectGranted(
      await surface.find('articles', actor, [shared.published.id, revised.id, ...drafts], preview),
      label(surface, actor, 'list with drafts'),
    )
    const revisedByID = await surface.findByID('articles', actor, revised.id, preview)
    if (outcome === 'all') {
      expect(sortedIDs(listed)).toEqual(sortedIDs([shared.published, revised, shared.draft, shared.unpublished]))
      expect(expectGranted(revisedByID, label(surface, actor, 'revised by id, with drafts')).title).toBe(UNRELEASED)
      expectGranted(await surface.findByID('articles', actor, shared.draft.id, preview), label(surface, actor, 'draft by id'))
      return
    }
    const message = label(surface, actor, 'list with drafts')
    expect(listed.map(({ id }) => id), message).toContain(shared.published.id)
    expect(listed.filter((doc) => doc._status !== 'published' || doc.title === UNRELEASED), message).toEqual([])
    expect(expectGranted(revisedByID, label(surface, actor, 'revised by id, with drafts')).title).toBe('Revised published')
    for (const id of drafts) {
      expectRefused(await surface.findByID('articles', actor, id, preview), label(surface, actor, `draft ${id} by id`))
    }
  },
  update: ({ actor, outcome, role, surface }) => {
    const { update } = forWrites.get(suite.key(surface, role))!
    const drafts = (['others:draft', 'own:draft'] as const).filter((kind) => update[kind])
    return expectUpdates({ actor, collection: 'articles', payload: suite.payload(), surface }, [
      ...entries(update).map(([kind, { id }]) => ({
        // Distinct titles: the slug of a never-published article follows its title, and slugs are unique.
        data: { title: `Retitled ${kind} by ${role} over ${surface.name}` },
        expect: retitledBy[kind].includes(outcome) ? ('allowed' as const) : ('refused' as const),
        id,
        name: `retitle ${kind}`,
      })),
      // Publishing comes last, on the drafts just retitled (or not): they are still never published.
      ...drafts.map((kind) => ({
        data: { _status: 'published' as const },
        expect: publishedBy[kind].includes(outcome) ? ('allowed' as const) : ('refused' as const),
        id: update[kind]!.id,
        name: `publish ${kind}`,
        stored: { _status: 'published', publishedAt: expect.any(String) },
      })),
    ])
  },
})
