import type { Article } from '@/payload-types'

export type Workflow = NonNullable<Article['workflow']>

export const WORKFLOW_OPTIONS: { label: string; value: Workflow }[] = [
  { label: 'Draft', value: 'draft' },
  { label: 'In review', value: 'inReview' },
  { label: 'Changes requested', value: 'changesRequested' },
]

type Mover = { editor: boolean }

/**
 * Why a move between review states is refused, or null when it is allowed. Anyone who may edit the
 * story hands it in; only editors send it back or withdraw it. Publishing is not a move here: it
 * resets the state (see `closeReviewOnPublish`).
 */
export const refusedTransition = (from: Workflow, to: Workflow, { editor }: Mover): null | string => {
  if (from === to) return null
  if (to === 'inReview') {
    return from === 'draft' || from === 'changesRequested' ? null : `a story is submitted for review from draft or changes requested, not from ${from}.`
  }
  if (!editor) return 'only editors and admins may request changes or take a story out of review.'
  if (to === 'changesRequested' && from !== 'inReview') return 'changes are requested on a story in review.'
  return null
}
