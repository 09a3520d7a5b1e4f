import type { Field } from 'payload'

import { editorFieldOnly, staffFieldOnly } from '@/access/fieldAccess'

import { checkReviewTransition } from './hooks/checkReviewTransition'
import { WORKFLOW_OPTIONS } from './workflow'

/**
 * Where a story stands in the desk's review, beside Payload's `_status`. Staff business: the public
 * never learns that a story exists in review, so both fields are staff-only at every depth.
 * Moves are checked by `checkReviewTransition`, and made in the admin with the review buttons.
 */
export const reviewFields = (): Field[] => [
  {
    name: 'workflow',
    type: 'select',
    access: { create: staffFieldOnly, read: staffFieldOnly, update: staffFieldOnly },
    admin: {
      description: 'Changed with Submit for review and Request changes; publishing resets it.',
      position: 'sidebar',
      readOnly: true,
    },
    defaultValue: 'draft',
    hooks: { beforeValidate: [checkReviewTransition] },
    index: true,
    label: 'Review',
    options: WORKFLOW_OPTIONS,
  },
  {
    name: 'reviewNote',
    type: 'textarea',
    // Below editor the note reads as it was sent; a change sent anyway is dropped by field access.
    access: { create: editorFieldOnly, read: staffFieldOnly, update: editorFieldOnly },
    admin: {
      description: 'The editor’s note when requesting changes. Cleared on publication.',
      position: 'sidebar',
    },
    maxLength: 2000,
  },
]
