/**
 * The cached path of `npm run bench`: after the uncached reads, a second project server with the
 * origin cache on (in memory, its default on one machine) is primed and measured with the same
 * client, beside the same bare-Payload baseline; then the cache is filled to its entry bound and the
 * server's resident memory read.
 */
import type { ScenarioResult } from './results'
import type { RunContext } from './runScenario'
import type { Scenario } from './scenarios'
import type { RunningServer } from './servers'
import type { Targets } from './targets'

import { log, n, onCleanUp } from './lifecycle'
import { ROOT } from './paths'
import { treeRSS } from './rss'
import { runScenario } from './runScenario'
import { storyByIDPath } from './scenarios'
import { startServer } from './servers'

/** The cache's entry bound, as `ORIGIN_CACHE_MAX_ENTRIES` defaults it (src/env.ts); its byte bound stays at its default, 64 MiB. */
const MAX_ENTRIES = 5_000
const CONCURRENCY = 20

export type OriginCacheFill = {
  /** Answers the cache keeps: the last MAX_ENTRIES requested (all of them on an archive too small to fill it). */
  held: number
  /** Their body bytes. */
  heldBodyBytes: number
  /** Distinct answers requested: more than the cache keeps, so it is at its bound. */
  requested: number
  /** The server's resident memory once the cache is full. */
  rssBytes: number
}

type Answer = { bytes: number; cache: null | string }

const read = async (server: RunningServer, path: string): Promise<Answer> => {
  const response = await fetch(`${server.url}${path}`)
  const bytes = (await response.arrayBuffer()).byteLength
  if (!response.ok) throw new Error(`${server.label}: GET ${path} answered ${response.status}`)
  return { bytes, cache: response.headers.get('x-origin-cache') }
}

/** Reads every path once, CONCURRENCY at a time. */
const readAll = async (server: RunningServer, paths: string[]): Promise<Answer[]> => {
  const answers: Answer[] = []
  for (let start = 0; start < paths.length; start += CONCURRENCY) {
    answers.push(...(await Promise.all(paths.slice(start, start + CONCURRENCY).map((path) => read(server, path)))))
  }
  return answers
}

/** Each path read once so that the run measures hits, and a second read of one proving it is a hit. */
const prime = async (server: RunningServer, paths: string[]): Promise<void> => {
  await readAll(server, paths)
  const { cache } = await read(server, paths[0])
  if (cache !== 'hit') throw new Error(`${server.label}: GET ${paths[0]} was not answered from the origin cache (X-Origin-Cache: ${cache})`)
}

/** Distinct by-id reads (depth 1, 0, 2 of every story) until the cache has dropped some: it is full. */
const fillToBound = async (server: RunningServer, targets: Targets): Promise<OriginCacheFill> => {
  const paths = [1, 0, 2].flatMap((depth) => targets.articles.map(({ id }) => storyByIDPath(id, depth))).slice(0, MAX_ENTRIES + 100)
  const answers = await readAll(server, paths)
  const held = answers.slice(-MAX_ENTRIES)
  return {
    held: held.length,
    heldBodyBytes: held.reduce((sum, { bytes }) => sum + bytes, 0),
    requested: answers.length,
    rssBytes: treeRSS(server.pid),
  }
}

export const runCachedReads = async (
  scenarios: Scenario[],
  context: RunContext & { databaseURL: string },
): Promise<{ fill: OriginCacheFill; results: ScenarioResult[] }> => {
  const { databaseURL, label, servers, targets } = context
  const server = await startServer({
    appDir: ROOT,
    databaseURL,
    env: { ORIGIN_CACHE: 'on', ORIGIN_CACHE_MAX_ENTRIES: String(MAX_ENTRIES), TRUST_PROXY: '1' },
    label: 'project (origin cache on)',
  })
  const stop = onCleanUp(server.stop)
  try {
    const results: ScenarioResult[] = []
    for (const scenario of scenarios) {
      const paths = scenario.originCache!.paths(targets)
      await prime(server, paths)
      log(`${label} · ${scenario.name}: origin cache primed with ${n(paths.length)} answer(s)`)
      results.push(await runScenario(scenario, { ...context, servers: { ...servers, project: [server] } }))
    }
    const fill = await fillToBound(server, targets)
    log(
      `${label} · origin cache filled: ${n(fill.requested)} distinct reads, the last ${n(fill.held)} kept (${n(fill.heldBodyBytes / 1024 / 1024)} MB of bodies); server RSS ${n(fill.rssBytes / 1024 / 1024)} MB`,
    )
    return { fill, results }
  } finally {
    await stop()
  }
}
