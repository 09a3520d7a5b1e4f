type ID = number | string

/**
 * The id in a relationship value, whichever form it arrives in: a bare id, a populated document
 * (`{ id }`) or a polymorphic value (`{ relationTo, value }`). `undefined` for an empty one.
 */
export const relationID = (value: unknown): ID | undefined => {
  if (typeof value === 'number' || typeof value === 'string') return value
  if (typeof value === 'object' && value !== null) {
    const { id, value: inner } = value as { id?: ID; value?: ID }
    return inner ?? id
  }
  return undefined
}
