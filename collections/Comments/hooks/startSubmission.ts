import type { CollectionBeforeOperationHook } from 'payload'

import { newSubmission } from '../submission/submission'

/**
 * Gives each create a fresh submission, before the other hooks fill it in: one GraphQL request may
 * run several createComment mutations on one `req`, and none may see what another learned.
 */
export const startSubmission: CollectionBeforeOperationHook<'comments'> = ({ args, operation, req }) => {
  if (operation === 'create') req.context.commentSubmission = newSubmission()
  return args
}
