import type { CollectionSlug, Payload } from 'payload'

import type { DocumentID } from '../types'

/** An id as the collection stores it, or undefined when it cannot be one (so the answer is a 404, not a 500). */
export const parseDocumentID = (payload: Payload, collection: string, value: unknown): DocumentID | undefined => {
  const type = payload.collections[collection as CollectionSlug]?.customIDType ?? payload.db.defaultIDType
  if (type === 'number') {
    const text = String(value)
    return /^[1-9]\d{0,15}$/.test(text) ? Number(text) : undefined
  }
  return typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : undefined
}
