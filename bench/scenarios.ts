import type { Request } from 'autocannon'

import type { Targets } from './targets'

export type Side = 'baseline' | 'project'
export type ScenarioName = 'article' | 'comments' | 'graphql' | 'home' | 'read-more' | 'tag'

export type RequestContext = {
  /** Ids of the comments the server answered 201 for, to check afterwards that each was stored. */
  accepted: number[]
  side: Side
  targets: Targets
}

export type Scenario = {
  /** Also measured against the bare-Payload baseline (reads that both can answer). */
  comparesWithBaseline: boolean
  label: string
  name: ScenarioName
  request: (context: RequestContext) => Request
  /** Writes change the data the reads see: they run after every read of a size. */
  writes: boolean
}

type Params = Record<string, number | string>

/**
 * The project's access rule limits public reads to published stories; the baseline has no rule,
 * so its queries name the filter themselves and return the same documents.
 */
const publishedOnly = (side: Side): Params => (side === 'baseline' ? { 'where[_status][equals]': 'published' } : {})

// Encoded as the reference frontend encodes them (URLSearchParams).
const query = (params: Params): string =>
  new URLSearchParams(Object.entries(params).map(([key, value]) => [key, String(value)])).toString()

// The reference frontend's lists (src/frontend/api.ts): `pagination=false` skips counting the
// matches, and cards show no comments, so the comments join is left out.
const storyList = { depth: 1, 'joins[comments]': 'false', limit: 10, page: 1, pagination: 'false', sort: '-publishedAt' }

export const countPath = (side: Side): string => `/api/articles/count?${query(publishedOnly(side))}`

export const homePath = (side: Side): string => `/api/articles?${query({ ...storyList, ...publishedOnly(side) })}`

/**
 * One story with its approved-comment count. A join's `limit=0` means "no limit" in REST (the
 * project clamps it to 100 for the public): a count-only read asks for the smallest page, 1.
 */
export const articlePath = (side: Side, slug: string): string =>
  `/api/articles?${query({
    depth: 1,
    'joins[comments][count]': 'true',
    'joins[comments][limit]': 1,
    limit: 1,
    'where[slug][equals]': slug,
    ...publishedOnly(side),
  })}`

export const tagPath = (side: Side, tagID: number): string =>
  `/api/articles?${query({ ...storyList, 'where[tags][in]': tagID, ...publishedOnly(side) })}`

export const readMorePath = (id: number): string => `/api/articles/${id}/read-more`

const ARTICLE_FIELDS = 'id title slug excerpt publishedAt authors { id name slug } tags { id name slug }'

export const graphqlQuery = (side: Side): string =>
  side === 'baseline'
    ? `{ Articles(limit: 10, sort: "-publishedAt", where: { _status: { equals: published } }) { docs { ${ARTICLE_FIELDS} } } }`
    : `{ Articles(limit: 10, sort: "-publishedAt") { docs { ${ARTICLE_FIELDS} } } }`

const rotation = <T>(items: readonly T[]): (() => T) => {
  let next = 0
  return () => items[next++ % items.length]
}

// Counts every comment of the invocation, across runs and sizes, so no two are alike.
let commentSerial = 0

/**
 * A client address per comment, from 198.18.0.0/15 (the range set aside for benchmarks): flood
 * control allows one comment per address per 15 seconds. Sent as X-Forwarded-For, which the
 * project trusts with TRUST_PROXY=1. Addresses repeat only after 131,072 comments.
 */
const benchAddress = (serial: number): string => {
  const n = serial % 131_072
  return `198.${18 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`
}

const GET = { method: 'GET' } as const

export const SCENARIOS: Scenario[] = [
  {
    comparesWithBaseline: true,
    label: 'home (10 newest)',
    name: 'home',
    request: ({ side }) => ({ ...GET, path: homePath(side) }),
    writes: false,
  },
  {
    comparesWithBaseline: true,
    label: 'article by slug',
    name: 'article',
    request: ({ side, targets }) => {
      const next = rotation(targets.articles)
      return { ...GET, setupRequest: (request) => ({ ...request, path: articlePath(side, next().slug) }) }
    },
    writes: false,
  },
  {
    comparesWithBaseline: true,
    label: 'tag page',
    name: 'tag',
    request: ({ side, targets }) => {
      const next = rotation(targets.tagIDs)
      return { ...GET, setupRequest: (request) => ({ ...request, path: tagPath(side, next()) }) }
    },
    writes: false,
  },
  {
    comparesWithBaseline: false,
    label: 'read-more links',
    name: 'read-more',
    request: ({ targets }) => {
      const next = rotation(targets.articles)
      return { ...GET, setupRequest: (request) => ({ ...request, path: readMorePath(next().id) }) }
    },
    writes: false,
  },
  {
    comparesWithBaseline: true,
    label: 'GraphQL home',
    name: 'graphql',
    request: ({ side }) => ({
      body: JSON.stringify({ query: graphqlQuery(side) }),
      headers: { 'content-type': 'application/json' },
      method: 'POST',
      path: '/api/graphql',
    }),
    writes: false,
  },
  {
    comparesWithBaseline: false,
    label: 'comment submissions',
    name: 'comments',
    request: ({ accepted, targets }) => {
      const next = rotation(targets.articles)
      return {
        headers: { 'content-type': 'application/json' },
        method: 'POST',
        onResponse: (status, body) => {
          if (status === 201) accepted.push((JSON.parse(body) as { doc: { id: number } }).doc.id)
        },
        path: '/api/comments',
        // Unique email and text each time: flood control also counts per email, and a repeated text is refused for 24 h.
        setupRequest: (request) => {
          const serial = ++commentSerial
          return {
            ...request,
            body: JSON.stringify({
              article: next().id,
              authorEmail: `bench-reader-${serial}@example.com`,
              authorName: `Bench Reader ${serial}`,
              body: `Comment ${serial}: thanks for the report, the council should publish the full figures before the vote.`,
            }),
            headers: { ...request.headers, 'x-forwarded-for': benchAddress(serial) },
          }
        },
      }
    },
    writes: true,
  },
]
