import type { DocumentID } from '../types'

/** The ids in a hasMany relationship value, whether stored ids or populated documents. */
export const topicIDs = (value: unknown): DocumentID[] =>
  (Array.isArray(value) ? value : [])
    .map((item: unknown) => (item && typeof item === 'object' && 'id' in item ? (item as { id: unknown }).id : item))
    .filter((id): id is DocumentID => typeof id === 'number' || typeof id === 'string')
