import type { FieldHook } from 'payload'

import type { DocumentID, ReadMoreRow } from '../types'

import { READ_MORE_INTERNAL, readableIDs } from '../utilities/readableDocuments'
import { relationID } from '../utilities/relationID'

/**
 * Payload leaves a linked document the reader may not see as a bare id, and that id is private
 * too (a draft's, a staff-only tag's). Rows pointing at such documents are dropped before
 * population, for REST, GraphQL and the Local API alike. Rows whose document was deleted go too.
 */
export const hideUnreadableLinks: FieldHook = async ({ context, overrideAccess, req, value }) => {
  if (!Array.isArray(value)) return value
  const rows = (value as ReadMoreRow[]).filter((row) => row?.type !== 'internal' || relationID(row.doc?.value) !== undefined)
  // Trusted system work sees every stored link; the plugin's own reads check them with the reader's access.
  if (overrideAccess || context[READ_MORE_INTERNAL]) return rows
  const byCollection = new Map<string, DocumentID[]>()
  for (const row of rows) {
    if (row.type !== 'internal' || !row.doc) continue
    byCollection.set(row.doc.relationTo, [...(byCollection.get(row.doc.relationTo) ?? []), relationID(row.doc.value)!])
  }
  const readable = new Map<string, Set<string>>()
  for (const [collection, ids] of byCollection) readable.set(collection, await readableIDs(req, collection, ids))
  return rows.filter(
    (row) => row.type !== 'internal' || Boolean(row.doc && readable.get(row.doc.relationTo)?.has(String(relationID(row.doc.value)))),
  )
}
