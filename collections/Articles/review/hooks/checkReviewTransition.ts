import type { FieldHook } from 'payload'

import { ValidationError } from 'payload'

import type { Article } from '@/payload-types'

import { isEditor } from '@/access/roles'

import { refusedTransition, type Workflow } from '../workflow'

/**
 * Keeps the review states honest on every surface: a refused move is a 400 naming `workflow` and the
 * rule, a request for changes without a note a 400 naming `reviewNote`, where field access alone
 * would drop the change without a word. Publishing is not checked here: it closes the review
 * (`closeReviewOnPublish`). Trusted system writes (seed, imports) may set any state.
 */
export const checkReviewTransition: FieldHook<Article, null | undefined | Workflow> = ({
  collection,
  data,
  originalDoc,
  overrideAccess,
  req,
  siblingData,
  value,
}) => {
  if (data?._status === 'published') return value
  const from: Workflow = originalDoc?.workflow ?? 'draft'
  const to: Workflow = value ?? from
  if (from === to) return value
  const refuse = (path: 'reviewNote' | 'workflow', message: string): never => {
    throw new ValidationError({ collection: collection?.slug, errors: [{ label: `${path}: ${message}`, message, path }], req }, req.t)
  }
  const refusal = overrideAccess ? null : refusedTransition(from, to, { editor: isEditor(req.user) })
  if (refusal) refuse('workflow', refusal)
  // The note sent with the request, or else the stored one: an update that leaves the note out keeps it.
  const sent = (siblingData as Partial<Article>).reviewNote
  const note = sent === undefined ? originalDoc?.reviewNote : sent
  if (to === 'changesRequested' && !note?.trim()) refuse('reviewNote', 'say what should change: a note is required when requesting changes.')
  return value
}
