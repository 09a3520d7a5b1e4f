import type { CollectionBeforeOperationHook } from 'payload'

import type { SanitizedPublicReadsOptions } from '../types'

import { markCoverage } from '../utilities/coverage'

type JoinQuery = false | undefined | { limit?: number }
type ReadArgs = {
  joins?: false | Record<string, JoinQuery>
  limit?: number
  overrideAccess?: boolean
  pagination?: boolean
}

// A public list can never ask for the whole archive at once: `limit=0`, `pagination=false` and
// oversized limits are all clamped, on REST and GraphQL alike. `pagination=false` itself is kept:
// it skips counting the matches, which for a tag on thousands of stories costs more than the page.
export const clampPublicReads = ({ isTrustedReader, maxLimit }: SanitizedPublicReadsOptions): CollectionBeforeOperationHook => {
  const clamp = (limit: unknown): number => {
    const value = Number(limit)
    return value > 0 && value <= maxLimit ? value : maxLimit
  }
  const clampJoin = (query: JoinQuery): JoinQuery =>
    query && query.limit !== undefined ? { ...query, limit: clamp(query.limit) } : query

  return markCoverage<CollectionBeforeOperationHook>(
    ({ args, operation, req }) => {
      const clamped: ReadArgs = { ...(args as ReadArgs) }
      // Trusted system work (the Local API's default) reads what it asks for.
      if (operation !== 'read' || clamped.overrideAccess || isTrustedReader(req.user)) return args
      if ('limit' in clamped && (clamped.limit !== undefined || clamped.pagination === false)) {
        clamped.limit = clamp(clamped.limit)
      }
      if (clamped.joins) {
        clamped.joins = Object.fromEntries(Object.entries(clamped.joins).map(([name, query]) => [name, clampJoin(query)]))
      }
      return clamped as typeof args
    },
    { kind: 'clamp' },
  )
}
