import type { BeforeListServerProps } from 'payload'

import { Gutter } from '@payloadcms/ui'
import Link from 'next/link'

import { isStaff } from '@/access/roles'

import { REVIEW_QUEUE_QUERY } from '../queue'

const tab = (active: boolean): React.CSSProperties => ({
  background: active ? 'var(--theme-elevation-800)' : 'var(--theme-elevation-100)',
  borderRadius: 'var(--style-radius-s)',
  color: active ? 'var(--theme-elevation-0)' : 'var(--theme-elevation-800)',
  padding: '4px 12px',
  textDecoration: 'none',
})

/**
 * Above the articles list: All stories, or the review queue (the list filtered to `workflow = inReview`,
 * an ordinary filter the editor can change), with the number waiting, counted as the reader may read.
 */
export const ReviewQueueLink = async ({ payload, searchParams = {}, user }: BeforeListServerProps) => {
  if (!isStaff(user)) return null
  const listURL = `${payload.config.routes.admin}/collections/articles`
  const inQueue = searchParams['where[workflow][equals]'] === 'inReview'
  // The review state of a draft lives in its latest version, which only a draft read sees.
  const { totalDocs } = await payload.find({
    collection: 'articles',
    depth: 0,
    draft: true,
    limit: 1,
    overrideAccess: false,
    select: {},
    user,
    where: { workflow: { equals: 'inReview' } },
  })
  return (
    <Gutter>
      <nav aria-label="Review queue" style={{ display: 'flex', gap: 8, marginTop: 16 }}>
        <Link aria-current={inQueue ? undefined : 'page'} href={listURL} prefetch={false} style={tab(!inQueue)}>
          All stories
        </Link>
        <Link aria-current={inQueue ? 'page' : undefined} href={`${listURL}?${REVIEW_QUEUE_QUERY}`} prefetch={false} style={tab(inQueue)}>
          Waiting for review ({totalDocs})
        </Link>
      </nav>
    </Gutter>
  )
}
