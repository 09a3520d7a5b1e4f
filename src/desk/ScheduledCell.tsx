import type { DefaultServerCellComponentProps } from 'payload'

import { cache } from 'react'

import { findScheduledJobs } from './scheduledJobs'

// Once per list render, not once per row: React's cache lasts for the server request.
const scheduledJobs = cache(findScheduledJobs)

/**
 * The articles list's "Scheduled" column: when the story is queued to be published or
 * unpublished, read from the job queue (the row itself is one the reader may read).
 */
export const ScheduledCell = async ({ payload, rowData }: DefaultServerCellComponentProps) => {
  const next = (await scheduledJobs(payload)).find(({ id }) => id === Number(rowData?.id))
  if (!next) return <span className="scheduled-cell">—</span>
  const when = new Date(next.waitUntil).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })
  return <span className="scheduled-cell">{`${next.action === 'publish' ? 'Publishes' : 'Unpublishes'} ${when} UTC`}</span>
}
