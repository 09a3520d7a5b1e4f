import type { FieldHook } from 'payload'

import type { ReadMoreRow } from '../types'

import { READ_MORE_INTERNAL, readableIDs } from '../utilities/readableDocuments'

type Value = number | string | { id?: number | string }

const targetID = (value: unknown): string | undefined => {
  const id = value && typeof value === 'object' ? (value as Exclude<Value, number | string>).id : value
  return typeof id === 'number' || typeof id === 'string' ? String(id) : undefined
}

/**
 * Payload leaves a linked document the reader may not see as a bare id, and that id is private
 * too (a draft's, a staff-only tag's). Rows pointing at such documents are dropped before
 * population, for REST, GraphQL and the Local API alike. Rows whose document was deleted go too.
 */
export const hideUnreadableLinks: FieldHook = async ({ context, overrideAccess, req, value }) => {
  if (!Array.isArray(value)) return value
  const rows = (value as ReadMoreRow[]).filter((row) => row?.type !== 'internal' || targetID(row.doc?.value) !== undefined)
  // Trusted system work sees every stored link; the plugin's own reads check them with the reader's access.
  if (overrideAccess || context[READ_MORE_INTERNAL]) return rows
  const byCollection = new Map<string, string[]>()
  for (const row of rows) {
    if (row.type !== 'internal' || !row.doc) continue
    byCollection.set(row.doc.relationTo, [...(byCollection.get(row.doc.relationTo) ?? []), targetID(row.doc.value)!])
  }
  const readable = new Map<string, Set<string>>()
  for (const [collection, ids] of byCollection) readable.set(collection, await readableIDs(req, collection, ids))
  return rows.filter(
    (row) => row.type !== 'internal' || Boolean(row.doc && readable.get(row.doc.relationTo)?.has(targetID(row.doc.value)!)),
  )
}
