import type { CollectionBeforeChangeHook } from 'payload'

import type { Comment } from '@/payload-types'

const idOf = (value: Comment['parent']): null | number | undefined =>
  typeof value === 'object' && value !== null ? value.id : value

/** Stores how deep a reply sits (0 for a comment on the article), so the nesting limit is one read. */
export const setThreadLevel: CollectionBeforeChangeHook<Comment> = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const parentID = idOf(data.parent)
  if (parentID === null || parentID === undefined) return { ...data, level: 0 }
  // A system read of one number; the parent's own validation, which runs next, decides whether it may be replied to.
  const { docs } = await req.payload.find({
    collection: 'comments',
    depth: 0,
    limit: 1,
    pagination: false,
    req,
    select: { level: true },
    where: { id: { equals: parentID } },
  })
  return { ...data, level: (docs[0]?.level ?? 0) + 1 }
}
