import type { CollectionBeforeOperationHook } from 'payload'

import { isEditor } from '@/access/roles'

type ReadArgs = { draft?: boolean; joins?: false | Record<string, unknown>; overrideAccess?: boolean }

/**
 * Payload's SQL adapter looks a join up as `version.comments` when it reads drafts, so the
 * `comments` join loses its `where`, and with it the comments' read access: a `?draft=true` read
 * would list pending, spam and rejected comments. Readers who may not see every comment get no
 * comments join on draft reads (previews); the published read, and GraphQL, which resolves joins
 * on its own, still list what they may see. The `version.` key is closed too, since Payload would
 * use one sent by the client as it is.
 */
export const omitCommentsFromDraftReads: CollectionBeforeOperationHook<'articles'> = ({ args, operation, req }) => {
  const { draft, joins, overrideAccess } = args as ReadArgs
  if (operation !== 'read' || !draft || overrideAccess || isEditor(req.user) || joins === false) return args
  return { ...args, joins: { ...joins, comments: false, 'version.comments': false } }
}
