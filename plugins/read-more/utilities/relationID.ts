import { extractID } from 'payload/shared'

import type { DocumentID } from '../types'

/**
 * The id in a relationship value, whether a stored id or a populated document; undefined for
 * anything else (`null` for a deleted target), which `extractID` alone would read `.id` of.
 */
export const relationID = (value: unknown): DocumentID | undefined => {
  if (typeof value !== 'number' && typeof value !== 'string' && (!value || typeof value !== 'object')) return undefined
  const id: unknown = extractID(value as { id: DocumentID } | DocumentID)
  return typeof id === 'number' || typeof id === 'string' ? id : undefined
}

/** The ids in a hasMany relationship value, skipping entries that hold none. */
export const relationIDs = (value: unknown): DocumentID[] =>
  (Array.isArray(value) ? value : []).map(relationID).filter((id): id is DocumentID => id !== undefined)
