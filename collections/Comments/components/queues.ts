import type { Comment } from '@/payload-types'

/** One tab of the moderation view: the list filtered to one status, or to every comment. */
export type Queue = { label: string; query: string; status?: Comment['status'] }

export const QUEUES: Queue[] = [
  { label: 'Pending', query: 'where[status][equals]=pending', status: 'pending' },
  { label: 'Approved', query: 'where[status][equals]=approved', status: 'approved' },
  { label: 'Spam', query: 'where[status][equals]=spam', status: 'spam' },
  { label: 'Rejected', query: 'where[status][equals]=rejected', status: 'rejected' },
  // Every comment has a status: a filter that is always true, unlike the bare URL, which opens the pending queue.
  { label: 'All', query: 'where[status][exists]=true' },
]

/** The queue a list URL shows, when its only filter is one of the tabs'. */
export const currentQueue = (searchParams: Record<string, string | string[] | undefined>): Queue | undefined => {
  const filters = Object.entries(searchParams).filter(([key]) => key.startsWith('where'))
  if (filters.length !== 1) return undefined
  const [[key, value]] = filters
  return QUEUES.find((queue) => queue.query === `${key}=${String(value)}`)
}

/**
 * Where the bare comments list sends a moderator: the pending queue. A list URL with a filter or a
 * search is left alone, so the default can always be changed (the All tab is a filter too).
 */
export const defaultQueueURL = (
  searchParams: Record<string, string | string[] | undefined>,
  listURL: string,
): null | string =>
  Object.keys(searchParams).some((key) => key.startsWith('where') || key === 'search') ? null : `${listURL}?${QUEUES[0].query}`
