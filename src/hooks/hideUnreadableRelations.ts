import type { CollectionAfterReadHook } from 'payload'

import type { PrivateRelation } from './types'

import { type DocumentID, readableIDs } from '@/utilities/readableIDs'

type Value = DocumentID | { id: DocumentID }

const isBareID = (value: unknown): value is DocumentID => typeof value === 'number' || typeof value === 'string'

/**
 * Payload leaves a related document the reader may not see as a bare id. That id is private
 * too (a draft's, an internal tag's, a rejected comment's), so such entries are removed.
 */
export const hideUnreadableRelations =
  (relations: PrivateRelation[]): CollectionAfterReadHook =>
  async ({ doc, overrideAccess, req }) => {
    // Trusted system work (the Local API's default) sees every id it stored.
    if (overrideAccess) return doc
    for (const { name, relationTo } of relations) {
      const value = doc[name] as null | undefined | Value | Value[]
      if (value === null || value === undefined) continue
      const values = Array.isArray(value) ? value : [value]
      const bareIDs = values.filter(isBareID)
      if (!bareIDs.length) continue
      const readable = await readableIDs(req, relationTo, bareIDs)
      const visible = values.filter((item) => !isBareID(item) || readable.has(String(item)))
      doc[name] = Array.isArray(value) ? visible : (visible[0] ?? null)
    }
    return doc
  }
