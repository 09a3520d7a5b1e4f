import type { FieldHook } from 'payload'

import { ValidationError } from 'payload'

import type { Article } from '@/payload-types'

import { isEditor } from '@/access/roles'

type Correction = NonNullable<Article['corrections']>[number]

const sameCorrection = (a: Correction, b: Correction): boolean =>
  a.text === b.text && new Date(a.date).getTime() === new Date(b.date).getTime()

/**
 * Keeps the corrections log a log: editors append after publication, and no one rewrites or removes
 * an earlier entry through the API. A 400 naming the field, where field access would have dropped
 * the change without a word: a correction a reader was promised must never vanish quietly.
 */
export const appendCorrectionsOnly: FieldHook<Article, Correction[] | null | undefined> = ({
  collection,
  data,
  originalDoc,
  overrideAccess,
  req,
  value,
}) => {
  if (value === undefined) return value
  const earlier = originalDoc?.corrections ?? []
  const given = value ?? []
  const refuse = (message: string): never => {
    throw new ValidationError({ collection: collection?.slug, errors: [{ label: `corrections: ${message}`, message, path: 'corrections' }], req }, req.t)
  }
  const kept = earlier.every((entry, i) => given[i] && sameCorrection(entry, given[i]))
  if (!kept) refuse('earlier corrections cannot be changed or removed; add a new one below them.')
  if (given.length === earlier.length) return value
  if (!overrideAccess && !isEditor(req.user)) refuse('only editors and admins may add a correction.')
  if (!originalDoc?.publishedAt && data?._status !== 'published') {
    refuse('a correction is added to a published story; this one has never been published.')
  }
  return value
}
