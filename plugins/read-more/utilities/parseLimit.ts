import { ValidationError } from 'payload'

import { MAX_LINKS_LIMIT } from './sanitizeOptions'

/** A 400 naming the argument and the rule it broke, in Payload's own validation-error shape. */
export const invalidArgument = (path: string, message: string): ValidationError =>
  new ValidationError({ errors: [{ message, path }] })

/**
 * `limit` as the endpoint and the GraphQL query take it: absent means `maxLinks`; otherwise a
 * whole number of at least 1. Anything above 20 is lowered to 20: a cap, like a page size,
 * rather than an error.
 */
export const parseLimit = (value: unknown, maxLinks: number): number => {
  if (value === undefined || value === null || value === '') return maxLinks
  const text = String(value).trim()
  if (!/^-?\d+$/.test(text)) throw invalidArgument('limit', `Must be a whole number from 1 to ${MAX_LINKS_LIMIT}.`)
  const limit = Number(text)
  if (limit < 1) throw invalidArgument('limit', 'Must be at least 1.')
  return Math.min(limit, MAX_LINKS_LIMIT)
}
