import type { CollectionBeforeDeleteHook } from 'payload'

import type { RedirectedCollection } from '../types'

import { REDIRECTS_SLUG } from '../slug'

/**
 * A deleted document's old slugs lead nowhere: they go with it (trusted system work, in the
 * delete's transaction). Before the delete, while the records still name it: the database's
 * cascade then drops only their link to it and would leave them orphaned.
 */
export const deleteRedirects =
  (collection: RedirectedCollection): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    await req.payload.delete({
      collection: REDIRECTS_SLUG,
      depth: 0,
      req,
      select: { from: true },
      where: { to: { equals: { relationTo: collection, value: id } } },
    })
  }
