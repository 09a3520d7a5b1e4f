import type { BeforeListServerProps } from 'payload'

import { Gutter } from '@payloadcms/ui'
import Link from 'next/link'
import { redirect } from 'next/navigation'

import { isEditor } from '@/access/roles'

import { currentQueue, defaultQueueURL, QUEUES } from './queues'

const tab = (active: boolean): React.CSSProperties => ({
  background: active ? 'var(--theme-elevation-800)' : 'var(--theme-elevation-100)',
  borderRadius: 'var(--style-radius-s)',
  color: active ? 'var(--theme-elevation-0)' : 'var(--theme-elevation-800)',
  padding: '4px 12px',
  textDecoration: 'none',
})

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
    <Gutter>
      <nav aria-label="Moderation queues" style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 16 }}>
        {QUEUES.map((queue, index) => (
          <Link
            aria-current={queue === active ? 'page' : undefined}
            href={`${listURL}?${queue.query}`}
            key={queue.label}
            prefetch={false}
            style={tab(queue === active)}
          >
            {queue.label}
            {counts[index] === undefined ? '' : ` (${counts[index]})`}
          </Link>
        ))}
      </nav>
    </Gutter>
  )
}
