import type { FieldHook } from 'payload'

import type { ReadMoreRow } from '../types'

/**
 * The admin hides the fields of the other link type but keeps what was typed in them. An
 * internal row keeps only its document (its title is the document's), an external row only its
 * address and title, so a switched row never carries a stale target.
 */
export const clearUnusedLinkFields: FieldHook = ({ value }) => {
  if (!Array.isArray(value)) return value
  return (value as ReadMoreRow[]).map((row) => {
    if (!row || typeof row !== 'object') return row
    if (row.type === 'internal') return { ...row, title: null, url: null }
    if (row.type === 'external') return { ...row, doc: null }
    return row
  })
}
