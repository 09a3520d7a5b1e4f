import type { PayloadRequest } from 'payload'
import type { SchedulePublishHandlerArgs } from '@payloadcms/ui/utilities/schedulePublishHandler'

/**
 * What the admin's Schedule drawer was asked for, as the editor meant it. Payload's drawer
 * preselects "Unpublish" for a document without newer versions, a never-published draft included,
 * and answers "Scheduled successfully" whatever the server says; a job that unpublishes a draft
 * does nothing when it runs, so the story would stay unpublished at the due time with no error
 * anywhere. For a document that has never been published, an unpublish can only mean a publish.
 */
export const intendedSchedule = async (req: PayloadRequest, args: SchedulePublishHandlerArgs): Promise<SchedulePublishHandlerArgs> => {
  const { deleteID, doc, type } = args
  if (type !== 'unpublish' || !doc || deleteID !== undefined) return args
  const { totalDocs } = await req.payload.count({
    collection: doc.relationTo,
    req,
    where: { and: [{ id: { equals: doc.value } }, { _status: { equals: 'published' } }] },
  })
  return totalDocs ? args : { ...args, type: 'publish' }
}
