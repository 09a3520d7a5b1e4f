import type { Request } from 'autocannon'

import type { Targets } from './targets'

export type Side = 'baseline' | 'project'
/**
 * Scenarios driven by autocannon at a steady rate; `burst` (bench/burst.ts) is a one-off wave of writes,
 * `graphql-worst` (bench/graphqlWorst.ts) the costliest accepted GraphQL operations, one at a time.
 */
export type LoadScenarioName =
  | 'article'
  | 'comments'
  | 'default-list'
  | 'default-list-cached'
  | 'graphql'
  | 'home'
  | 'read-more'
  | 'search'
  | 'story-by-id'
  | 'story-by-id-cached'
  | 'tag'
export type ScenarioName = 'burst' | 'graphql-worst' | LoadScenarioName

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
  name: LoadScenarioName
  /**
   * Measured against a second project server with the origin cache on, after the uncached reads:
   * the paths it reads, each requested once before the run so that the run measures hits.
   */
  originCache?: { paths: (targets: Targets) => string[] }
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

/**
 * What readers type into a search box, from the archive's vocabulary (bench/text.ts): one to three
 * words, common and rare, and a half-typed word. As a stranger asks: no `limit`, the first page.
 */
const SEARCHES = ['council budget', 'river flood', 'strike', 'solar grid power', 'museum artists', 'airport flights', 'rent', 'fire crews rescue', 'election campaign', 'hosp']

export const searchPath = (q: string): string => `/api/search?${query({ q })}`

/**
 * The list and the story as a stranger first asks REST for them, without the reference frontend's
 * tuning (no count, no comments join): each pays what every default read pays. The baseline's
 * `defaultSort` is already `-publishedAt`, so its list names no sort, as the independent client's
 * did (issue 16); it names the published filter instead, the only documents its bare app held.
 */
export const defaultListPath = (side: Side = 'project'): string =>
  side === 'baseline'
    ? `/api/articles?${query({ depth: 1, limit: 10, ...publishedOnly(side) })}`
    : `/api/articles?${query({ depth: 1, limit: 10, sort: '-publishedAt' })}`

export const storyByIDPath = (id: number, depth = 1): string => `/api/articles/${id}?${query({ depth })}`

/**
 * The stories the cached by-id scenario rotates over: a news site's readers crowd onto a few hundred
 * current stories, and the whole archive would cycle through the cache's 5,000 entries
 * (`ORIGIN_CACHE_MAX_ENTRIES`) at 20,000 stories, measuring misses instead of hits.
 */
export const CACHED_STORIES = 1_000

const hotStories = (targets: Targets) => targets.articles.slice(0, CACHED_STORIES)

const ARTICLE_FIELDS = 'id title slug excerpt publishedAt authors { id name slug } tags { id name slug }'

export const graphqlQuery = (side: Side): string =>
  side === 'baseline'
    ? `{ Articles(limit: 10, sort: "-publishedAt", where: { _status: { equals: published } }) { docs { ${ARTICLE_FIELDS} } } }`
    : `{ Articles(limit: 10, sort: "-publishedAt") { docs { ${ARTICLE_FIELDS} } } }`

const rotation = <T>(items: readonly T[]): (() => T) => {
  let next = 0
  return () => items[next++ % items.length]
}

// Counts every comment of the invocation, across runs, scenarios and sizes, so no two are alike.
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

/**
 * A new reader's comment on a story: its own address, email and text each time, since flood control
 * also counts per email, and a repeated text is refused for 24 h.
 */
export const commentSubmission = (articleID: number): { body: string; headers: Record<string, string> } => {
  const serial = ++commentSerial
  return {
    body: JSON.stringify({
      article: articleID,
      authorEmail: `bench-reader-${serial}@example.com`,
      authorName: `Bench Reader ${serial}`,
      body: `Comment ${serial}: thanks for the report, the council should publish the full figures before the vote.`,
    }),
    headers: { 'content-type': 'application/json', 'x-forwarded-for': benchAddress(serial) },
  }
}

const GET = { method: 'GET' } as const

/** GETs that walk `items` in turn, one target per request. */
const rotatingGet = <T>(items: readonly T[], pathOf: (item: T) => string): Request => {
  const next = rotation(items)
  return { ...GET, setupRequest: (request) => ({ ...request, path: pathOf(next()) }) }
}

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
    request: ({ side, targets }) => rotatingGet(targets.articles, ({ slug }) => articlePath(side, slug)),
    writes: false,
  },
  {
    comparesWithBaseline: true,
    label: 'tag page',
    name: 'tag',
    request: ({ side, targets }) => rotatingGet(targets.tagIDs, (id) => tagPath(side, id)),
    writes: false,
  },
  {
    comparesWithBaseline: true,
    label: 'default list (stranger)',
    name: 'default-list',
    request: ({ side }) => ({ ...GET, path: defaultListPath(side) }),
    writes: false,
  },
  {
    comparesWithBaseline: true,
    label: 'story by id (stranger)',
    name: 'story-by-id',
    // Published ids only: the baseline has no access rule, and a draft's id would be a 404 on the project.
    request: ({ targets }) => rotatingGet(targets.articles, ({ id }) => storyByIDPath(id)),
    writes: false,
  },
  {
    comparesWithBaseline: false,
    label: 'read-more links',
    name: 'read-more',
    request: ({ targets }) => rotatingGet(targets.articles, ({ id }) => readMorePath(id)),
    writes: false,
  },
  {
    comparesWithBaseline: false,
    label: 'search',
    name: 'search',
    request: () => rotatingGet(SEARCHES, searchPath),
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
    comparesWithBaseline: true,
    label: 'default list (stranger), origin cache',
    name: 'default-list-cached',
    originCache: { paths: () => [defaultListPath()] },
    request: ({ side }) => ({ ...GET, path: defaultListPath(side) }),
    writes: false,
  },
  {
    comparesWithBaseline: true,
    label: `story by id (stranger), origin cache, ${CACHED_STORIES.toLocaleString('en-US')} stories`,
    name: 'story-by-id-cached',
    originCache: { paths: (targets) => hotStories(targets).map(({ id }) => storyByIDPath(id)) },
    // The baseline reads the same stories, uncached: it has no origin cache.
    request: ({ targets }) => rotatingGet(hotStories(targets), ({ id }) => storyByIDPath(id)),
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
        setupRequest: (request) => {
          const { body, headers } = commentSubmission(next().id)
          return { ...request, body, headers: { ...request.headers, ...headers } }
        },
      }
    },
    writes: true,
  },
]

/** Every scenario `--scenarios` accepts, in the order they run: reads, then the writes. */
export const SCENARIO_NAMES: readonly ScenarioName[] = [...SCENARIOS.map(({ name }) => name), 'graphql-worst', 'burst']
