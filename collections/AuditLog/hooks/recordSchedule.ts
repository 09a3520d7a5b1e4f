import type { CollectionAfterChangeHook, SchedulePublishTaskInput } from 'payload'

import type { User } from '@/payload-types'

import { recordAuditEntry } from '../recordAuditEntry'
import { titleOf } from '../titleOf'

type Job = { input?: SchedulePublishTaskInput; taskSlug?: null | string; waitUntil?: null | string }

/**
 * Records a scheduled publication (or unpublication) when its job is queued, as the account it
 * will run as: the admin's Schedule drawer queues the job with that account in its input.
 */
export const recordSchedule: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  const { input, taskSlug, waitUntil } = doc as Job
  if (operation !== 'create' || taskSlug !== 'schedulePublish' || !input?.doc) return doc
  const { relationTo, value } = input.doc
  // Trusted system reads: the title and account label are snapshots for the entry, not returned.
  const target = await req.payload.findByID({ id: value, collection: relationTo, depth: 0, disableErrors: true, draft: true, req })
  const scheduler =
    input.user && typeof input.user === 'object' && input.user.relationTo === 'users'
      ? ((await req.payload.findByID({ id: input.user.value, collection: 'users', depth: 0, disableErrors: true, req })) as null | User)
      : undefined
  await recordAuditEntry(req, {
    action: 'schedule',
    actor: scheduler,
    collection: relationTo,
    detail: `${input.type === 'unpublish' ? 'unpublish' : 'publish'} at ${waitUntil ?? 'once due'}`,
    documentID: String(value),
    documentTitle: target ? titleOf(req.payload.collections[relationTo].config, target) : null,
  })
  return doc
}
