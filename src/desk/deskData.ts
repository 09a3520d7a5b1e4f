import type { Payload, Where } from 'payload'

import { formatAdminURL } from 'payload/shared'

import type { Article, User } from '@/payload-types'

import { isEditor, isStaff } from '@/access/roles'
import { QUEUES } from '@collections/Comments/components/queues'
import { REVIEW_QUEUE_QUERY } from '@collections/Articles/review/queue'

import { findScheduledJobs } from './scheduledJobs'

/** One story on the desk: its title, a link into the admin, and the date the section is about. */
export type DeskItem = { date: null | string; id: number; title: string; url: string }

export type ScheduledItem = DeskItem & { action: 'publish' | 'unpublish' }

export type DeskData = {
  /** Pending comments, for those who moderate; null for everyone else. */
  pendingComments: null | { count: number; url: string }
  myDrafts: DeskItem[]
  /** Every story waiting for review for editors; below editor, the reader's own. */
  inReview: { items: DeskItem[]; url: string }
  scheduled: ScheduledItem[]
  recentlyPublished: DeskItem[]
}

const LIMIT = 10

type Reader = { payload: Payload; user: User }

/** The article reads of the dashboard: always as the reader, so each role lists only what it may read. */
const articles = async ({ payload, user }: Reader, where: Where, sort: string, draft: boolean) => {
  const { docs } = await payload.find({
    collection: 'articles',
    depth: 0,
    draft,
    limit: LIMIT,
    overrideAccess: false,
    select: { publishedAt: true, title: true, updatedAt: true },
    sort,
    user,
    where,
  })
  return docs
}

const adminURL = (payload: Payload, path: `/${string}`) => formatAdminURL({ adminRoute: payload.config.routes.admin, path })

const item = (payload: Payload, doc: Pick<Article, 'id' | 'title'>, date: null | string | undefined): DeskItem => ({
  date: date ?? null,
  id: doc.id,
  title: doc.title,
  url: adminURL(payload, `/collections/articles/${doc.id}`),
})

/** The queued publications and unpublications of stories the reader may read, soonest first. */
const scheduled = async ({ payload, user }: Reader): Promise<ScheduledItem[]> => {
  // The stories the queue names are read as the reader: the section lists nothing the reader may not see.
  const queued = await findScheduledJobs(payload)
  if (!queued.length) return []
  const readable = await articles({ payload, user }, { id: { in: queued.map(({ id }) => id) } }, 'title', true)
  const byID = new Map(readable.map((doc) => [doc.id, doc]))
  return queued
    .filter(({ id }) => byID.has(id))
    .slice(0, LIMIT)
    .map(({ action, id, waitUntil }) => ({ ...item(payload, byID.get(id)!, waitUntil), action }))
}

/**
 * What the desk dashboard shows a staff member, read with their own access: pending comments for
 * moderators, their drafts, the review queue, scheduled publications and the latest publications.
 * The server component renders this; tests call it directly.
 */
export const loadDesk = async (reader: Reader): Promise<DeskData | null> => {
  const { payload, user } = reader
  if (!isStaff(user)) return null
  const mine: Where = { createdBy: { equals: user.id } }
  const [pendingComments, myDrafts, inReview, upcoming, recentlyPublished] = await Promise.all([
    isEditor(user)
      ? payload
          .count({ collection: 'comments', overrideAccess: false, user, where: { status: { equals: 'pending' } } })
          .then(({ totalDocs }) => ({ count: totalDocs, url: adminURL(payload, `/collections/comments?${QUEUES[0].query}`) }))
      : null,
    articles(reader, { and: [mine, { _status: { equals: 'draft' } }] }, '-updatedAt', true),
    // Oldest first: the story that has waited longest is the next to read.
    articles(reader, { and: [{ workflow: { equals: 'inReview' } }, ...(isEditor(user) ? [] : [mine])] }, 'updatedAt', true),
    scheduled(reader),
    articles(reader, { _status: { equals: 'published' } }, '-publishedAt', false),
  ])
  return {
    inReview: {
      items: inReview.map((doc) => item(payload, doc, doc.updatedAt)),
      url: adminURL(payload, `/collections/articles?${REVIEW_QUEUE_QUERY}`),
    },
    myDrafts: myDrafts.map((doc) => item(payload, doc, doc.updatedAt)),
    pendingComments,
    recentlyPublished: recentlyPublished.map((doc) => item(payload, doc, doc.publishedAt)),
    scheduled: upcoming,
  }
}
