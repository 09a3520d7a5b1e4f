/**
 * The `graphql-worst` scenario: the most expensive anonymous GraphQL operations the cost limits
 * still accept (src/graphql/limitQueryCost.ts), each sent one at a time, with nothing else running.
 * Answers whether every accepted operation stays within the issue's targets: time per request and
 * the memory the server takes on while it runs. See bench/README.md.
 */
import type { RunningServer } from './servers'

import { percentile } from './load'
import { timedRequest } from './request'
import { sampleTreeRSS, treeCPUTicks, treeRSS, waitUntilQuiet } from './rss'

/** Targets from the issue "Hold against a hostile internet", item 3: for every accepted anonymous operation. */
export const GRAPHQL_WORST_TARGETS = { maxMs: 500, maxRSSGrowthMB: 50 } as const

export const GRAPHQL_WORST_SETTINGS = {
  /** Requests per operation before measuring: routes loaded, the schema built, caches filled. */
  warmup: 2,
  /** Requests measured per operation, one after another. */
  requests: 10,
  rssSampleMs: 25,
} as const

type WorstOperation = {
  /** Its cost under the public model, checked by the project's tests of the model. */
  cost: number
  label: string
  name: string
  query: string
}

const repeat = (count: number, each: (i: number) => string) => Array.from({ length: count }, (_, i) => each(i)).join(' ')

/**
 * Each spends the public budget (400) on one kind of work the model prices: full scans, sorts of a
 * whole table, joined stories, sorts of a popular tag's stories, story bodies, populated stories.
 * Tag ids 1–4 are the most used public tags (bench/content.ts: the id is the rank).
 */
export const WORST_OPERATIONS: readonly WorstOperation[] = [
  {
    cost: 400,
    label: '1 list filtered on the body + 2 on the title (full scans) + 12 stories',
    name: 'scans',
    query:
      // `equals` on the body: a text search in rich text (`like`) is refused (it would read link ids), and equals scans all the same.
      '{ body: Articles(where: { content: { equals: "no such words" } }, limit: 1, pagination: false) { docs { id } } ' +
      `${repeat(2, (i) => `t${i}: Articles(where: { title: { like: "no such words ${i}" } }, limit: 1, pagination: false) { docs { id } }`)} ` +
      'page: Articles(limit: 12, pagination: false) { docs { title } } }',
  },
  {
    cost: 398,
    label: '5 lists sorted by title (whole-table sorts) + 1 story',
    name: 'sorts',
    query: `{ ${repeat(5, (i) => `s${i}: Articles(sort: "${i % 2 ? '-' : ''}title", limit: 1, page: ${i + 1}, pagination: false) { docs { id } }`)} page: Articles(limit: 1, pagination: false) { docs { title } } }`,
  },
  {
    cost: 399,
    label: '2 authors × 63 joined stories',
    name: 'joined',
    query: '{ Authors(limit: 2, pagination: false) { docs { name articles(limit: 63) { docs { title } } } } }',
  },
  {
    cost: 399,
    label: 'the 4 biggest tags, each joined story list sorted by title',
    name: 'sorted-joins',
    query:
      '{ Tags(where: { id: { less_than_equal: 4 } }, limit: 4, pagination: false) { docs { name articles(limit: 1, sort: "title") { docs { title } } } } }',
  },
  {
    cost: 397,
    label: '98 stories with their body',
    name: 'bodies',
    query: '{ Articles(limit: 98, pagination: false) { docs { title content } } }',
  },
  {
    cost: 397,
    label: '98 comments, each with its story populated',
    name: 'populated',
    query: '{ Comments(limit: 98, pagination: false) { docs { body article { title } } } }',
  },
]

export type WorstOperationResult = {
  cost: number
  /**
   * Server CPU (process tree, user + system) per measured request, ms: unlike the latency, it does not
   * grow when other work on the machine takes the cores.
   */
  cpuMsPerRequest: number
  label: string
  /** Per measured request, ms. */
  latency: { max: number; p50: number }
  name: string
  /** Responses, warm-up included, that were not a 200 without errors: each operation must be accepted. */
  refused: number
  /** Server process tree, before the operation's first request and at its peak while it ran, bytes. */
  rss: { before: number; peak: number }
  status: Record<string, number>
}

export type GraphqlWorstResult = { operations: WorstOperationResult[]; settings: typeof GRAPHQL_WORST_SETTINGS }

const measureOne = async (server: RunningServer, operation: WorstOperation): Promise<WorstOperationResult> => {
  const body = JSON.stringify({ query: operation.query })
  const request = { body, headers: { 'content-type': 'application/json' }, method: 'POST' as const, path: '/api/graphql' }
  const status: Record<string, number> = {}
  let refused = 0
  const send = async () => {
    const response = await timedRequest(server.url, request)
    status[response.status] = (status[response.status] ?? 0) + 1
    if (response.status !== 200 || response.body.includes('"errors"')) refused += 1
    return response
  }
  await waitUntilQuiet(server.pid)
  const before = treeRSS(server.pid)
  const memory = sampleTreeRSS(server.pid, GRAPHQL_WORST_SETTINGS.rssSampleMs)
  for (let i = 0; i < GRAPHQL_WORST_SETTINGS.warmup; i++) await send()
  const latencies: number[] = []
  const ticksBefore = treeCPUTicks(server.pid)
  for (let i = 0; i < GRAPHQL_WORST_SETTINGS.requests; i++) {
    const { doneAt, sentAt } = await send()
    latencies.push(doneAt - sentAt)
  }
  // Linux counts 100 ticks a second.
  const cpuMsPerRequest = ((treeCPUTicks(server.pid) - ticksBefore) * 10) / GRAPHQL_WORST_SETTINGS.requests
  const peak = memory.stop()
  latencies.sort((a, b) => a - b)
  return {
    cost: operation.cost,
    cpuMsPerRequest,
    label: operation.label,
    latency: { max: latencies.at(-1) ?? 0, p50: percentile(latencies, 0.5) },
    name: operation.name,
    refused,
    rss: { before, peak },
    status,
  }
}

/** Measures every operation of `WORST_OPERATIONS` against the project's server, one request at a time. */
export const runGraphqlWorst = async ({
  log,
  server,
}: {
  log: (message: string) => void
  server: RunningServer
}): Promise<GraphqlWorstResult> => {
  const operations: WorstOperationResult[] = []
  for (const operation of WORST_OPERATIONS) {
    const result = await measureOne(server, operation)
    operations.push(result)
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0)
    log(
      `graphql-worst ${operation.name} (cost ${operation.cost}): p50 ${result.latency.p50.toFixed(0)} ms, max ${result.latency.max.toFixed(0)} ms, ` +
        `server CPU ${result.cpuMsPerRequest.toFixed(0)} ms per request, ` +
        `RSS ${mb(result.rss.before)} → ${mb(result.rss.peak)} MB; status ${JSON.stringify(result.status)}` +
        (result.refused ? `; ${result.refused} answers were refused or had errors` : ''),
    )
  }
  return { operations, settings: GRAPHQL_WORST_SETTINGS }
}
