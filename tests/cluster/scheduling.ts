import type { Payload } from 'payload'

import type { Article } from '@/payload-types'
import type { SessionUser } from '@/seed/types'

import { schedulePublication } from '@/seed/steps/schedulePublication'

/** A new draft, queued for publication `inMs` ahead as the admin's "Schedule" drawer queues it, by `editor`. */
export const scheduleStory = async (
  payload: Payload,
  { author, editor, inMs }: { author: number; editor: SessionUser; inMs: number },
): Promise<Article> => {
  const draft = await payload.create({
    collection: 'articles',
    data: { _status: 'draft', authors: [author], title: `Lock gates reopen ${Date.now()}` },
    draft: true,
  })
  await schedulePublication(payload, { id: draft.id, waitUntil: new Date(Date.now() + inMs) }, editor)
  return draft
}

/** How many schedulePublish jobs are left: Payload deletes a job once it has completed. */
export const pendingPublications = async (payload: Payload): Promise<number> =>
  (await payload.count({ collection: 'payload-jobs', where: { taskSlug: { equals: 'schedulePublish' } } })).totalDocs

/** The published versions of a story: each run of its publication job saves one. */
export const publishedVersions = async (payload: Payload, id: number): Promise<number> =>
  (
    await payload.countVersions({
      collection: 'articles',
      where: { and: [{ parent: { equals: id } }, { 'version._status': { equals: 'published' } }] },
    })
  ).totalDocs

/** The batches of jobs a process ran, from Payload's "Running N jobs." log lines: their sizes, in order. */
export const jobRuns = (output: string): number[] => [...output.matchAll(/Running (\d+) jobs\./g)].map(([, count]) => Number(count))
