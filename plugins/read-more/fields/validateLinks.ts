import type { ArrayFieldValidation } from 'payload'

import { array } from 'payload/shared'

import type { ReadMoreRow } from '../types'

import { normalizeURL } from '../utilities/isHttpURL'
import { relationID } from '../utilities/relationID'

/** One key per target, so a document linked as an id and as a populated document, or an address with and without its trailing slash, counts once. */
const linkKey = (row: ReadMoreRow): string | undefined => {
  if (row.type === 'external') return row.url ? `url:${normalizeURL(row.url)}` : undefined
  const id = relationID(row.doc?.value)
  return row.doc?.relationTo && id !== undefined ? `${row.doc.relationTo}:${String(id)}` : undefined
}

/** Payload's row-count check (`maxRows` is the plugin's `maxLinks`), then: no target twice. */
export const validateLinks: ArrayFieldValidation = (value, options) => {
  const builtIn = array(value, options)
  if (builtIn !== true || !Array.isArray(value)) return builtIn
  const firstRow = new Map<string, number>()
  for (const [index, row] of (value as ReadMoreRow[]).entries()) {
    const key = row && typeof row === 'object' ? linkKey(row) : undefined
    if (!key) continue
    const first = firstRow.get(key)
    if (first !== undefined) return `Rows ${first + 1} and ${index + 1} link to the same ${key.startsWith('url:') ? 'address' : 'document'}: keep one.`
    firstRow.set(key, index)
  }
  return true
}
