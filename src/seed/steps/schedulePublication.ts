import type { Payload, SchedulePublishTaskInput } from 'payload'

import type { TaskSchedulePublish } from '@/payload-types'

import type { SessionUser } from '../types'

type Scheduled = { id: number; waitUntil: Date }

const isJobFor = (input: unknown, id: number): boolean =>
  (input as null | SchedulePublishTaskInput)?.doc?.value === String(id)

/**
 * Queues the publication of a draft the way the admin's "Schedule" drawer does, as the given
 * editor, unless a schedulePublish job for that article already exists. Returns whether it queued one.
 */
export const schedulePublication = async (
  payload: Payload,
  { id, waitUntil }: Scheduled,
  editor: SessionUser,
): Promise<boolean> => {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    depth: 0,
    overrideAccess: true,
    pagination: false,
    where: { taskSlug: { equals: 'schedulePublish' } },
  })
  if (docs.some((job) => isJobFor(job.input, id))) return false
  const doc: NonNullable<TaskSchedulePublish['input']['doc']> = {
    relationTo: 'articles',
    // @ts-expect-error Typed as a number, but the task and the admin's schedule list use a string (payload#10481).
    value: String(id),
  }
  await payload.jobs.queue({
    input: {
      type: 'publish',
      doc,
      // The job publishes with this editor's access, as when an editor schedules from the admin.
      user: { relationTo: 'users', value: editor.id },
    },
    overrideAccess: true,
    task: 'schedulePublish',
    waitUntil,
  })
  return true
}
