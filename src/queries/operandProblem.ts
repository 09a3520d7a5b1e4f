import type { FlattenedField } from 'payload'

import { ID_PATH } from './fieldAt'

/** The most values an `in` or `not_in` list may hold, as many as Payload's own query-string parser makes an array of. */
export const MAX_LIST_LENGTH = 1000

// Payload's SQL adapters map no SQL to these (@payloadcms/drizzle's operatorMap), and SQLite has no point fields.
const UNSUPPORTED_OPERATORS = new Set(['all', 'intersects', 'near', 'within'])

const LIST_OPERATORS = new Set(['in', 'not_in'])

// A text search in rich text or JSON reads the stored JSON, not the words: on SQLite it would match
// node types and the ids of internal links (a reader could probe which hidden story a body links to),
// and PostgreSQL's jsonb cannot take `ILIKE` at all. The words of stories are searched by /api/search.
const TEXT_SEARCH_OPERATORS = new Set(['contains', 'like', 'not_like'])

/** What a value must be for the database: the SQLite adapter turns anything else into a failed query. */
type Kind = 'date' | 'number' | 'text'

export type IDTypeOf = (collectionSlug: string) => 'number' | 'text'

const kindOf = (field: FlattenedField | typeof ID_PATH, idTypeOf: IDTypeOf, ownIDType: 'number' | 'text'): Kind => {
  if (field === ID_PATH) return ownIDType === 'number' ? 'number' : 'text'
  if (field.type === 'date') return 'date'
  if (field.type === 'number') return 'number'
  if ((field.type === 'relationship' || field.type === 'upload') && typeof field.relationTo === 'string') {
    return idTypeOf(field.relationTo) === 'number' ? 'number' : 'text'
  }
  if (field.type === 'join' && typeof field.collection === 'string') return idTypeOf(field.collection) === 'number' ? 'number' : 'text'
  return 'text'
}

const quoted = (value: unknown): string => {
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text)
}

/** Why one value does not fit the field, or undefined when it does; Payload reads "null" and "" as no value. */
const valueProblem = (kind: Kind, value: unknown): string | undefined => {
  if (value === null || value === 'null' || value === '') return undefined
  if (typeof value === 'object') return 'must be a single value, not a list or an object'
  if (kind === 'number' && !Number.isFinite(Number(value))) return `must be a number, not ${quoted(value)}`
  if (kind === 'date' && Number.isNaN(new Date(value as number | string).getTime())) {
    return `must be a date such as 2026-01-31 or 2026-01-31T09:30:00Z, not ${quoted(value)}`
  }
  return undefined
}

/**
 * Why `operator` with `operand` cannot query `field`, or undefined when it can: the value checks
 * Payload leaves to the database, which fails on them with a 500.
 */
export const operandProblem = (
  field: FlattenedField | typeof ID_PATH,
  operator: string,
  operand: unknown,
  { idTypeOf, ownIDType }: { idTypeOf: IDTypeOf; ownIDType: 'number' | 'text' },
): string | undefined => {
  if (field !== ID_PATH && (field.type === 'richText' || field.type === 'json') && TEXT_SEARCH_OPERATORS.has(operator)) {
    return `cannot search a ${field.type} field's text (it is stored as JSON): search stories with GET /api/search, or filter on a text field such as the title or excerpt`
  }
  if (UNSUPPORTED_OPERATORS.has(operator)) return 'is not supported: this API stores its data in SQLite, which has no such query'
  if (operator === 'exists') {
    return [true, false, 'true', 'false'].includes(operand as boolean | string) ? undefined : 'must be true or false'
  }
  // A polymorphic relationship is matched with `{ relationTo, value }`, which Payload checks itself.
  if (field !== ID_PATH && 'relationTo' in field && Array.isArray(field.relationTo)) return undefined
  const kind = kindOf(field, idTypeOf, ownIDType)
  if (!LIST_OPERATORS.has(operator)) return valueProblem(kind, operand)
  const list = Array.isArray(operand) ? operand : typeof operand === 'string' ? operand.split(',') : [operand]
  if (list.length > MAX_LIST_LENGTH) {
    return `lists ${list.length.toLocaleString('en')} values; at most ${MAX_LIST_LENGTH.toLocaleString('en')} are accepted`
  }
  for (const value of list) {
    const problem = valueProblem(kind, value)
    if (problem) return `has a value that ${problem}`
  }
  return undefined
}
