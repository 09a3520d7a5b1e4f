import { beforeAll, describe, expect, it } from 'vitest'

import type { Article } from '@/payload-types'

import { type DeskData, loadDesk } from '@/desk/deskData'

import { type Staff, useStaffPayload } from '../helpers/staff'

const { ctx, staff } = useStaffPayload()

type Role = keyof Staff

const SCHEDULED_AT = '2031-03-01T08:00:00.000Z'

let fx: Record<'authorDraft' | 'authorInReview' | 'contributorDraft' | 'contributorInReview' | 'older' | 'newer', Article>

/** A story written by `role` as that role would write it: drafts over the Local API with access checked. */
const write = async (role: Role, title: string, data: Partial<Article> = {}): Promise<Article> =>
  ctx.payload.create({
    collection: 'articles',
    data: { authors: [byline[role === 'contributor' ? 'contributor' : 'other']], title, ...data },
    draft: data._status !== 'published',
    overrideAccess: false,
    user: staff[role].user,
  })

const byline = {} as Record<'contributor' | 'other', number>

beforeAll(async () => {
  const { payload } = ctx
  byline.contributor = (await payload.create({ collection: 'authors', data: { name: 'Desk Contributor', user: staff.contributor.user.id } })).id
  byline.other = (await payload.create({ collection: 'authors', data: { name: 'Desk Writer' } })).id
  const submit = (role: Role, story: Article) =>
    payload.update({ collection: 'articles', data: { workflow: 'inReview' }, draft: true, id: story.id, overrideAccess: false, user: staff[role].user })
  const older = await write('editor', 'Older publication', { _status: 'published', publishedAt: '2026-11-01T10:00:00.000Z' })
  const newer = await write('editor', 'Newer publication', { _status: 'published', publishedAt: '2026-12-01T10:00:00.000Z' })
  const contributorDraft = await write('contributor', 'Contributor’s draft')
  const contributorInReview = await submit('contributor', await write('contributor', 'Contributor’s story in review'))
  const authorDraft = await write('author', 'Author’s scheduled draft')
  const authorInReview = await submit('author', await write('author', 'Author’s story in review'))
  fx = { authorDraft, authorInReview, contributorDraft, contributorInReview, newer, older }
  // Queued exactly as the admin panel's "Schedule publish" drawer queues it; no runner in this file.
  await payload.jobs.queue({
    input: { type: 'publish', doc: { relationTo: 'articles', value: authorDraft.id }, user: { relationTo: 'users', value: staff.author.user.id } },
    task: 'schedulePublish',
    waitUntil: new Date(SCHEDULED_AT),
  })
  for (const status of ['pending', 'pending', 'approved'] as const) {
    await payload.create({
      collection: 'comments',
      data: { article: older.id, authorEmail: 'reader@example.com', authorName: 'A Reader', body: `A ${status} comment`, status },
    })
  }
})

const deskOf = async (role: Role): Promise<DeskData> => {
  const desk = await loadDesk({ payload: ctx.payload, user: staff[role].user })
  expect(desk).not.toBeNull()
  return desk!
}

const titles = (items: { title: string }[]) => items.map(({ title }) => title)
const editURL = (story: Article) => `/admin/collections/articles/${story.id}`

describe('desk dashboard', () => {
  it('shows editors and admins the pending comments, every story in review and what is scheduled', async () => {
    for (const role of ['editor', 'admin'] as const) {
      const desk = await deskOf(role)
      expect(desk.pendingComments).toEqual({ count: 2, url: '/admin/collections/comments?where[status][equals]=pending' })
      // Oldest first: the story that has waited longest.
      expect(titles(desk.inReview.items)).toEqual([fx.contributorInReview.title, fx.authorInReview.title])
      expect(desk.inReview.items[0].url).toBe(editURL(fx.contributorInReview))
      expect(desk.inReview.url).toBe('/admin/collections/articles?where[workflow][equals]=inReview')
      expect(desk.scheduled).toEqual([
        { action: 'publish', date: SCHEDULED_AT, id: fx.authorDraft.id, title: fx.authorDraft.title, url: editURL(fx.authorDraft) },
      ])
      expect(desk.myDrafts).toEqual([])
    }
  })

  it('shows a contributor their own drafts and submissions, and no moderation queue', async () => {
    const desk = await deskOf('contributor')
    expect(desk.pendingComments).toBeNull()
    expect(titles(desk.myDrafts)).toEqual([fx.contributorInReview.title, fx.contributorDraft.title])
    expect(titles(desk.inReview.items)).toEqual([fx.contributorInReview.title])
    expect(desk.myDrafts[1]).toMatchObject({ date: fx.contributorDraft.updatedAt, url: editURL(fx.contributorDraft) })
  })

  it('shows an author their own drafts and submissions, with the scheduled story and its time', async () => {
    const desk = await deskOf('author')
    expect(desk.pendingComments).toBeNull()
    expect(titles(desk.myDrafts)).toEqual([fx.authorInReview.title, fx.authorDraft.title])
    expect(titles(desk.inReview.items)).toEqual([fx.authorInReview.title])
    expect(desk.scheduled).toMatchObject([{ action: 'publish', date: SCHEDULED_AT, title: fx.authorDraft.title }])
  })

  it('lists the latest publications for every role, newest first, with their publication time', async () => {
    for (const role of ['contributor', 'author', 'editor', 'admin'] as const) {
      const desk = await deskOf(role)
      expect(desk.recentlyPublished).toEqual([
        { date: '2026-12-01T10:00:00.000Z', id: fx.newer.id, title: fx.newer.title, url: editURL(fx.newer) },
        { date: '2026-11-01T10:00:00.000Z', id: fx.older.id, title: fx.older.title, url: editURL(fx.older) },
      ])
    }
  })

  it('drops a scheduled publication once it has run', async () => {
    await ctx.payload.update({
      collection: 'payload-jobs',
      data: { completedAt: new Date().toISOString() },
      where: { taskSlug: { equals: 'schedulePublish' } },
    })
    expect((await deskOf('editor')).scheduled).toEqual([])
  })
})
