import type { BeforeListServerProps } from 'payload'

import { redirect } from 'next/navigation'

import { isEditor } from '@/access/roles'
import { ListTabs } from '@/desk/ListTabs'

import { currentQueue, defaultQueueURL, QUEUES } from './queues'

/**
 * The moderation queues above the comments list, for editors and admins. The bare list URL opens the
 * pending queue; each tab is an ordinary list filter, which the editor can change in the list's own
 * filter controls, and All shows every comment.
 */
export const ModerationFilter = async ({ payload, searchParams = {}, user }: BeforeListServerProps) => {
  if (!isEditor(user)) return null
  const listURL = `${payload.config.routes.admin}/collections/comments`
  const defaultURL = defaultQueueURL(searchParams, listURL)
  if (defaultURL) redirect(defaultURL)
  const active = currentQueue(searchParams)
  const counts = await Promise.all(
    QUEUES.map(async ({ status }) =>
      status
        ? (await payload.count({ collection: 'comments', overrideAccess: false, user, where: { status: { equals: status } } }))
            .totalDocs
        : undefined,
    ),
  )
  return (
    <ListTabs
      label="Moderation queues"
      tabs={QUEUES.map((queue, index) => ({
        active: queue === active,
        href: `${listURL}?${queue.query}`,
        label: counts[index] === undefined ? queue.label : `${queue.label} (${counts[index]})`,
      }))}
    />
  )
}
