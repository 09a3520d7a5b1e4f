import { wholeNumber } from '@/queries/checkListArgs'
import { MalformedQuery } from '@/queries/errors'

/** Hits per page when a search names no `limit`, and the most it may ask for. */
export const DEFAULT_LIMIT = 10
export const MAX_LIMIT = 100
/** Longer queries are refused: no reader types more, and each word is a term to match. */
const MAX_QUERY_LENGTH = 200
const MAX_TERMS = 16

export type SearchArgs = { limit: number; page: number; terms: string[] }

/**
 * The distinct words of a text, lower-cased, as both dialects take them: letters and digits only, so no
 * operator of FTS5's or PostgreSQL's query syntax ever reaches the database from a reader.
 */
export const wordsOf = (text: string): string[] => [...new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])]

const termsOf = (q: string): string[] => wordsOf(q).slice(0, MAX_TERMS)

/**
 * Checks `q`, `page` and `limit` as REST (strings) or GraphQL (numbers) sends them; a 400 names the
 * argument and the rule. A `limit` over MAX_LIMIT is lowered to it, as the answer's `limit` shows.
 */
export const parseSearchArgs = ({ limit, page, q }: { limit?: unknown; page?: unknown; q?: unknown }): SearchArgs => {
  if (typeof q !== 'string' || q.trim() === '') throw new MalformedQuery('q is required: the words to search for.')
  if (q.length > MAX_QUERY_LENGTH) throw new MalformedQuery(`q must be at most ${MAX_QUERY_LENGTH} characters.`)
  const terms = termsOf(q)
  if (terms.length === 0) throw new MalformedQuery('q must contain at least one letter or digit.')

  const rows = limit === undefined || limit === null ? DEFAULT_LIMIT : wholeNumber(limit)
  if (rows === undefined || rows < 1) throw new MalformedQuery(`limit must be a whole number from 1 to ${MAX_LIMIT}.`)
  const pageNumber = page === undefined || page === null ? 1 : wholeNumber(page)
  // Any page past the integers an offset can carry is refused, as for the collections' lists.
  const lastPage = Math.floor(Number.MAX_SAFE_INTEGER / MAX_LIMIT)
  if (pageNumber === undefined || pageNumber < 1 || pageNumber > lastPage) {
    throw new MalformedQuery(`page must be a whole number from 1 to ${lastPage}.`)
  }
  return { limit: Math.min(rows, MAX_LIMIT), page: pageNumber, terms }
}
