import type { CollectionBeforeOperationHook } from 'payload'

type ReadArgs = { joins?: false | Record<string, unknown> }

/**
 * Stories are read with their comments join only where it is used. A REST read asks for it with any
 * `joins[comments]` option (`joins[comments][limit]=10`, `…[count]=true`): a story by id, or a page
 * of ten, otherwise pays for a second query and a readability check per comment that frontends,
 * which read comments on their own, never show (docs/PERFORMANCE.md, "Where a default read's time
 * goes"). GraphQL never uses the operation's join: its `comments` field runs a query of its own
 * when selected. The admin and the Local API keep Payload's default.
 */
export const commentsJoinWhenAsked: CollectionBeforeOperationHook<'articles'> = ({ args, operation, req }) => {
  const { joins } = args as ReadArgs
  if (operation !== 'read' || joins === false) return args
  const used = req.payloadAPI === 'REST' ? Boolean(joins && 'comments' in joins) : req.payloadAPI !== 'GraphQL'
  return used ? args : { ...args, joins: { ...joins, comments: false } }
}
