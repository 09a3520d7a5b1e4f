import type { SanitizedCollectionConfig, SanitizedConfig, Sort } from 'payload'

import { MalformedQuery } from './errors'
import { fieldAt } from './fieldAt'

/** Payload's page size when a read names none. */
const DEFAULT_LIMIT = 10

type ListArgs = { depth?: unknown; limit?: unknown; page?: unknown; sort?: unknown }

/** A whole number from REST (a numeric string, which Payload has turned into a number or left as text) or GraphQL. */
export const wholeNumber = (value: unknown): number | undefined => {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN
  return Number.isSafeInteger(number) ? number : undefined
}

/**
 * Throws a 400 naming a paging argument SQLite cannot take: `limit=-1`, `depth=abc`, or a `page`
 * whose offset, (page − 1) × limit, is past the integers a query can carry (`page=1e20`).
 * `name` turns an argument into the name the client used, e.g. `joins[comments][limit]`.
 */
export const checkPaging = ({ depth, limit, page }: ListArgs, name: (argument: string) => string = (argument) => argument): void => {
  const rows = wholeNumber(limit)
  if (limit !== undefined && (rows === undefined || rows < 0)) {
    throw new MalformedQuery(`${name('limit')} must be a whole number, 0 (no limit) or more.`)
  }
  const lastPage = Math.floor(Number.MAX_SAFE_INTEGER / Math.max(rows ?? DEFAULT_LIMIT, 1)) + 1
  const pageNumber = wholeNumber(page)
  if (page !== undefined && (pageNumber === undefined || pageNumber < 1 || pageNumber > lastPage)) {
    throw new MalformedQuery(`${name('page')} must be a whole number from 1 to ${lastPage}.`)
  }
  const levels = wholeNumber(depth)
  if (depth !== undefined && (levels === undefined || levels < 0)) {
    throw new MalformedQuery(`${name('depth')} must be a whole number, 0 or more.`)
  }
}

/** Throws a 400 naming a `sort` field the collection does not have; Payload would otherwise ignore it silently. */
export const checkSort = (
  sort: Sort | undefined,
  { collection, config }: { collection: SanitizedCollectionConfig; config: SanitizedConfig },
  name = 'sort',
): void => {
  const fields = typeof sort === 'string' ? sort.split(',') : Array.isArray(sort) ? sort : []
  for (const field of fields.map((each) => String(each).trim().replace(/^-/, '')).filter(Boolean)) {
    if (!fieldAt(config, collection, field)) {
      throw new MalformedQuery(`${name} names "${field}", which is not a field of ${collection.slug}.`)
    }
  }
}
