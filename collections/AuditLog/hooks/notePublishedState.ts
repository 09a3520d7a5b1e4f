import type { CollectionBeforeChangeHook } from 'payload'

import { publishedStateKey } from '../publishedState'

/**
 * Notes whether the main document is published before an update. `previousDoc` is the latest
 * version, a draft when one was saved over the published story, so it cannot tell an unpublish
 * from an ordinary edit of that draft.
 */
export const notePublishedState: CollectionBeforeChangeHook = async ({ collection, context, operation, originalDoc, req }) => {
  if (operation !== 'update' || !originalDoc?.id) return
  const main = await req.payload.db.findOne<{ _status?: string; id: number | string }>({
    collection: collection.slug,
    req,
    select: { _status: true },
    where: { id: { equals: originalDoc.id } },
  })
  context[publishedStateKey(collection.slug, originalDoc.id)] = main?._status === 'published'
}
