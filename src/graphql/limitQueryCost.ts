import type { ASTVisitor, ExecutionArgs, ValidationRule } from 'graphql'

// Payload's own copy of graphql: an error or a type from another copy fails graphql-http's `instanceof` checks.
import { GraphQL } from '@payloadcms/graphql/types'
import { createComplexityRule } from 'graphql-query-complexity'

// The public-reads plugin's clamp, which src/payload.config.ts leaves at its default.
import { DEFAULT_MAX_LIMIT as PUBLIC_MAX_LIMIT } from '@plugins/public-reads'

import { COSTS, costEstimator } from './queryCost'
import { sentByStaff } from './requestOf'

/**
 * The most one operation may cost (units of `COSTS`, about 1 ms of server time each). The public
 * budget keeps every operation a reader may send under 500 ms and 50 MB on the 20,000-story bench
 * (docs/PERFORMANCE.md), and still fits the frontend's queries (a home page of 10 stories with
 * bylines and tags costs 310). Staff get four times as much: signed in and few, with previews and
 * tools that read more at once; their lists are not clamped, so each must name a limit.
 */
export const QUERY_COST_LIMITS = { public: 400, staff: 1600 } as const

const n = (value: number) => Math.round(value).toLocaleString('en-US')

const costMessage = (max: number, cost: number, staff: boolean): string => {
  const reader = staff ? 'staff requests' : 'public requests'
  if (!Number.isFinite(cost)) {
    return `This query has a list or join without a limit, which returns every matching document to staff; give it a limit (the limit for ${reader} is a cost of ${n(max)}).`
  }
  return (
    `This query would cost ${n(cost)}, and the limit for ${reader} is ${n(max)}. The cost counts ${COSTS.document} per document read ` +
    `(a list or join at its limit, ${staff ? '' : `at most ${PUBLIC_MAX_LIMIT}, `}times what each document selects), ` +
    `${COSTS.populated} per related document, ${COSTS.query} per database query, ${COSTS.filteredQuery} per query with where or sort ` +
    `and ${COSTS.bodyScan} when those name a rich-text field. ` +
    'Ask for fewer documents (lower limits, fewer nested lists), skip the count with pagination: false, or split the query.'
  )
}

/**
 * Refuses an operation whose estimated cost (src/graphql/queryCost.ts) passes the budget of who sends
 * it. Only the operation that runs is counted; variables are resolved as execution will.
 */
export const limitQueryCost = (
  args: Pick<ExecutionArgs, 'contextValue' | 'operationName' | 'variableValues'>,
  limits: { public: number; staff: number } = QUERY_COST_LIMITS,
): ValidationRule => {
  const staff = sentByStaff(args)
  const max = staff ? limits.staff : limits.public
  return (context) => {
    const schema = context.getSchema()
    // graphql-query-complexity reads `operation.name.value` when given a name: only pass one that exists.
    const operationName = context
      .getDocument()
      .definitions.some((definition) => definition.kind === 'OperationDefinition' && definition.name?.value === args.operationName)
      ? (args.operationName ?? undefined)
      : undefined
    const rule = createComplexityRule({
      createError: (limit, cost) => new GraphQL.GraphQLError(costMessage(limit, cost, staff)),
      estimators: [
        costEstimator({
          maxListSize: staff ? undefined : PUBLIC_MAX_LIMIT,
          mutationType: schema.getMutationType(),
          queryType: schema.getQueryType(),
        }),
      ],
      maximumComplexity: max,
      operationName,
      variables: args.variableValues ?? undefined,
    })
    return rule(context) as unknown as ASTVisitor
  }
}
