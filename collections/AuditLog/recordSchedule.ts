import type { PayloadRequest, SchedulePublishTaskInput } from 'payload'

import { recordAuditEntry } from './recordAuditEntry'
import { titleOf } from './titleOf'

type Schedule = Pick<SchedulePublishTaskInput, 'doc' | 'type'> & { date?: Date | string }

/** Records a scheduled publication (or unpublication) of a document, as the request's user. */
export const recordSchedule = async (req: PayloadRequest, { date, doc, type }: Schedule): Promise<void> => {
  if (!doc) return
  const { relationTo, value } = doc
  // A trusted system read: the title is a snapshot for the entry, not returned to anyone.
  const target = await req.payload.findByID({ id: value, collection: relationTo, depth: 0, disableErrors: true, draft: true, req })
  await recordAuditEntry(req, {
    action: 'schedule',
    collection: relationTo,
    detail: `${type === 'unpublish' ? 'unpublish' : 'publish'} at ${date ? new Date(date).toISOString() : 'once due'}`,
    documentID: String(value),
    documentTitle: target ? titleOf(req.payload.collections[relationTo].config, target) : null,
  })
}
