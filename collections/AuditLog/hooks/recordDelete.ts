import type { CollectionAfterDeleteHook } from 'payload'

import { recordAuditEntry } from '../recordAuditEntry'
import { titleOf } from '../titleOf'

/** Records a deletion, with the title the document had, in the delete's own transaction. */
export const recordDelete: CollectionAfterDeleteHook = async ({ collection, doc, id, req }) => {
  await recordAuditEntry(req, {
    action: 'delete',
    collection: collection.slug,
    documentID: String(id),
    documentTitle: titleOf(collection, doc),
  })
  return doc
}
