import type { DefaultServerCellComponentProps } from 'payload'

import { findScheduledJobs } from './scheduledJobs'

/**
 * The articles list's "Scheduled" column: when the story is queued to be published or
 * unpublished, read from the job queue (the row itself is one the reader may read).
 */
export const ScheduledCell = async ({ payload, rowData }: DefaultServerCellComponentProps) => {
  const id = Number(rowData?.id)
  const [next] = Number.isFinite(id) ? await findScheduledJobs(payload, [id]) : []
  if (!next) return <span className="scheduled-cell">—</span>
  const when = new Date(next.waitUntil).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })
  return <span className="scheduled-cell">{`${next.action === 'publish' ? 'Publishes' : 'Unpublishes'} ${when} UTC`}</span>
}
