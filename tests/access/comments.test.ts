import { beforeAll } from 'vitest'

import type { Article, Comment } from '@/payload-types'

import { expectCreates, expectDeletes, expectReads, expectUpdates } from './expectations'
import { roles } from './matrix'
import { describeMatrix, toSlug, useAccessSuite } from './suite'

const suite = useAccessSuite()

let published: Article
let draft: Article
/** Read fixtures: only the first is public, the others fail one condition each (status, or the article). */
let shared: { approvedOnDraft: Comment; approvedOnPublished: Comment; pendingOnPublished: Comment }
/** Fresh pending comments per surface and role, so every write lands on a document no other test touches. */
const forWrites = new Map<string, { delete: Comment; update: Comment }>()

beforeAll(async () => {
  const payload = suite.payload()
  const { editor } = suite.staff()
  const author = await payload.create({
    collection: 'authors',
    data: { name: 'Test Byline', slug: 'test-byline' },
    overrideAccess: false,
    user: editor.user,
  })
  const article = (status: 'draft' | 'published') =>
    payload.create({
      collection: 'articles',
      data: { _status: status, authors: [author.id], slug: `commented-${status}`, title: `Commented ${status}` },
      depth: 0,
      overrideAccess: false,
      user: editor.user,
    })
  published = await article('published')
  draft = await article('draft')
  // Created by an editor, the only role whose `status` is not forced to pending.
  const comment = (on: Article, status: Comment['status'], body: string) =>
    payload.create({
      collection: 'comments',
      data: { article: on.id, authorEmail: 'reader@example.com', authorName: 'A Reader', body, status },
      depth: 0,
      overrideAccess: false,
      user: editor.user,
    })
  shared = {
    // Readers cannot comment on a draft; a system write stands for a story unpublished after its comments.
    approvedOnDraft: await payload.create({
      collection: 'comments',
      data: {
        article: draft.id,
        authorEmail: 'reader@example.com',
        authorName: 'A Reader',
        body: 'Approved on a draft',
        status: 'approved',
      },
      depth: 0,
    }),
    approvedOnPublished: await comment(published, 'approved', 'Approved on a published article'),
    pendingOnPublished: await comment(published, 'pending', 'Pending on a published article'),
  }
  for (const surface of suite.surfaces) {
    for (const role of roles) {
      const key = suite.key(surface, role)
      forWrites.set(key, {
        delete: await comment(published, 'pending', `To delete ${key}`),
        update: await comment(published, 'pending', `To moderate ${key}`),
      })
    }
  }
})

describeMatrix('comments', suite, {
  create: ({ actor, outcome, role, surface }) => {
    const data = {
      article: published.id,
      // One address per surface: the same address twice within 15 seconds meets flood control.
      authorEmail: `${role}-${toSlug(surface.name)}@readers.example`,
      authorName: `Commenter ${role}`,
      body: `Posted by ${role} over ${surface.name}`,
      status: 'approved' as const,
    }
    return expectCreates({ actor, collection: 'comments', payload: suite.payload(), surface }, [
      {
        allowed: true,
        data,
        name: 'comment asking to be approved',
        stored: { ...data, status: outcome === 'any' ? 'approved' : 'pending' },
      },
    ])
  },
  delete: ({ actor, outcome, role, surface }) =>
    expectDeletes({ actor, collection: 'comments', payload: suite.payload(), surface }, [
      { allowed: outcome === 'all', id: forWrites.get(suite.key(surface, role))!.delete.id, name: 'pending comment' },
    ]),
  read: ({ actor, hidden, outcome, surface }) => {
    const { approvedOnDraft, approvedOnPublished, pendingOnPublished } = shared
    return expectReads(
      { actor, collection: 'comments', payload: suite.payload(), surface },
      {
        probe: {
          fields: { authorEmail: approvedOnPublished.authorEmail, status: approvedOnPublished.status },
          hidden,
          id: approvedOnPublished.id,
        },
        readable:
          outcome === 'all'
            ? [approvedOnPublished.id, pendingOnPublished.id, approvedOnDraft.id]
            : [approvedOnPublished.id],
        unreadable: outcome === 'all' ? [] : [pendingOnPublished.id, approvedOnDraft.id],
      },
    )
  },
  update: ({ actor, outcome, role, surface }) =>
    expectUpdates({ actor, collection: 'comments', payload: suite.payload(), surface }, [
      {
        data: { body: `Moderated by ${role} over ${surface.name}`, status: 'approved' },
        expect: outcome === 'all' ? 'allowed' : 'refused',
        id: forWrites.get(suite.key(surface, role))!.update.id,
        name: 'approve a pending comment',
      },
    ]),
})
