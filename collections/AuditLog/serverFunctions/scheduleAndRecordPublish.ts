import type { ServerFunction } from 'payload'

import {
  schedulePublishHandler,
  type SchedulePublishHandlerArgs,
} from '@payloadcms/ui/utilities/schedulePublishHandler'

import { intendedSchedule } from '@/desk/intendedSchedule'

import { recordSchedule } from '../recordSchedule'

/**
 * The admin's "Schedule" drawer, as the editor meant it (`intendedSchedule`), recorded in the audit trail.
 * Payload queues the job with direct database writes that run no hooks (unless `jobs.runHooks`,
 * which moves every job update of the runner onto the Local API), so the entry is written here,
 * after the job is queued. Payload's handler answers a failure with `{ error }`: nothing was
 * scheduled, nothing is recorded.
 */
export const scheduleAndRecordPublish: ServerFunction<SchedulePublishHandlerArgs> = async (asked) => {
  const args = { ...asked, ...(await intendedSchedule(asked.req, asked)) }
  const result = await schedulePublishHandler(args)
  if (!(result as undefined | { error?: string })?.error) await recordSchedule(args.req, args)
  return result
}

/** The server functions the admin calls that the audit trail records: `handleServerFunctions`' `serverFunctions`. */
export const auditServerFunctions = { 'schedule-publish': scheduleAndRecordPublish }
