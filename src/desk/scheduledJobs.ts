import type { Payload } from 'payload'

export type ScheduledJob = { action: 'publish' | 'unpublish'; id: number; waitUntil: string }

/**
 * Publications and unpublications queued from the admin's Schedule drawer, soonest first (the
 * first 100). A system read: no one reads the job queue through the API (its
 * access is closed), so callers show only what names a story the reader may read.
 */
export const findScheduledJobs = async (payload: Payload): Promise<ScheduledJob[]> => {
  const { docs: jobs } = await payload.find({
    collection: 'payload-jobs',
    depth: 0,
    limit: 100,
    sort: 'waitUntil',
    where: {
      and: [
        { taskSlug: { equals: 'schedulePublish' } },
        { completedAt: { exists: false } },
        { hasError: { not_equals: true } },
        { 'input.doc.relationTo': { equals: 'articles' } },
      ],
    },
  })
  return jobs.flatMap((job) => {
    const input = job.input as { doc?: { value?: number | string }; type?: 'publish' | 'unpublish' }
    const id = Number(input.doc?.value)
    return Number.isFinite(id) && job.waitUntil ? [{ action: input.type ?? 'publish', id, waitUntil: job.waitUntil }] : []
  })
}
