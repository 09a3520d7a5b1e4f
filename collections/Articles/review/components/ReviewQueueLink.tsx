import type { BeforeListServerProps } from 'payload'

import { isStaff } from '@/access/roles'
import { ListTabs } from '@/desk/ListTabs'

import { REVIEW_QUEUE_QUERY } from '../queue'

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
    <ListTabs
      label="Review queue"
      tabs={[
        { active: !inQueue, href: listURL, label: 'All stories' },
        { active: inQueue, href: `${listURL}?${REVIEW_QUEUE_QUERY}`, label: `Waiting for review (${totalDocs})` },
      ]}
    />
  )
}
