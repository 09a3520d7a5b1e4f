/**
 * `npm run bench`: the read benchmark. Serves the production build of the project and of a
 * bare-Payload baseline (bench/baseline) on scratch SQLite databases filled with the same
 * generated archive, drives both with autocannon, and prints one table (stdout; progress goes
 * to stderr). Raw results: bench/results/latest.json. See bench/README.md.
 *
 * Knobs (a flag wins over its environment variable):
 *   --sizes=2000,20000   BENCH_SIZES        published articles per archive (plus 10% drafts)
 *   --duration=10        BENCH_DURATION     seconds measured per run
 *   --warmup=3           BENCH_WARMUP       seconds of the same load before each run, not measured
 *   --connections=20     BENCH_CONNECTIONS  concurrent connections
 *   --rounds=2           BENCH_ROUNDS       runs per scenario and side, alternating project and baseline
 *   --scenarios=…        BENCH_SCENARIOS    a subset of home,article,tag,read-more,graphql,comments
 *   --build              BENCH_BUILD=1      rebuild both apps instead of reusing .next (BUILD_ID)
 *
 * Example of a quick run: npm run bench -- --sizes=200,400 --duration=2 --warmup=1
 */
import type { Client } from '@libsql/client'

import { createClient } from '@libsql/client'
import fs from 'fs/promises'
import os from 'os'
import path from 'path'

import type { BenchOptions } from './options'
import type { Measurement } from './load'
import type { CommentCheck, ScenarioResult, SizeResult } from './results'
import type { RequestContext, Scenario, Side } from './scenarios'
import type { RunningServer } from './servers'
import type { Targets } from './targets'

import { ensureBuild } from './build'
import { checkEquivalence } from './checkEquivalence'
import { fill } from './fill'
import { measure } from './load'
import { readOptions } from './options'
import { BASELINE_DIR, RESULTS_FILE, ROOT } from './paths'
import { SCENARIOS } from './scenarios'
import { startServer } from './servers'
import { formatTable } from './table'
import { readTargets } from './targets'

const log = (message: string) => console.error(`[bench] ${message}`)
const n = (value: number) => Math.round(value).toLocaleString('en-US')

// Run on exit and on Ctrl-C: servers stopped, scratch databases deleted.
const cleanups = new Set<() => Promise<void>>()
const cleanUp = async () => {
  for (const cleanup of [...cleanups].reverse()) await cleanup().catch((error) => console.error(error))
  cleanups.clear()
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void cleanUp().finally(() => process.exit(130)))
}

const describe = (m: Measurement) =>
  `${n(m.rate)} req/s, p50 ${n(m.p50)} ms, p99 ${n(m.p99)} ms, ${n(m.errors)} errors, RSS ${n(m.peakRSSBytes / 1024 / 1024)} MB`

/** How many of the accepted comments are rows in the database: a 201 must mean the comment is stored. */
const checkStored = async (client: Client, accepted: number[]): Promise<CommentCheck> => {
  let stored = 0
  for (let i = 0; i < accepted.length; i += 500) {
    const ids = accepted.slice(i, i + 500)
    const { rows } = await client.execute({
      args: ids,
      sql: `SELECT count(*) AS n FROM comments WHERE id IN (${ids.map(() => '?').join(',')})`,
    })
    stored += Number(rows[0].n)
  }
  return { accepted: accepted.length, lost: accepted.length - stored, stored }
}

type SizeContext = {
  client: Client
  options: BenchOptions
  published: number
  servers: Record<Side, RunningServer>
  targets: Targets
}

const runScenario = async (
  scenario: Scenario,
  { client, options, published, servers, targets }: SizeContext,
): Promise<ScenarioResult> => {
  const result: ScenarioResult = { baseline: [], label: scenario.label, name: scenario.name, project: [] }
  if (scenario.writes) result.comments = []
  const sides: Side[] = scenario.comparesWithBaseline ? ['project', 'baseline'] : ['project']
  for (let round = 1; round <= options.rounds; round++) {
    for (const side of sides) {
      const context: RequestContext = { accepted: [], side, targets }
      const measurement = await measure(servers[side], scenario.request(context), options)
      result[side].push(measurement)
      log(
        `${n(published)} articles · ${scenario.name} · ${side} round ${round}/${options.rounds}: ${describe(measurement)}`,
      )
      if (scenario.writes) {
        const check = await checkStored(client, context.accepted)
        result.comments!.push(check)
        log(
          `  ${n(check.accepted)} comments accepted (warm-up included), ${n(check.stored)} stored, ${n(check.lost)} lost; status codes ${JSON.stringify(measurement.statusCodes)}`,
        )
      }
      if (measurement.status5xx > 0) {
        log(`  ${servers[side].label} answered 5xx; its last output:\n${servers[side].output().slice(-4000)}`)
      }
    }
  }
  return result
}

/** Registers a cleanup for Ctrl-C and returns a function that runs it now instead. */
const onCleanUp = (cleanup: () => Promise<void>): (() => Promise<void>) => {
  cleanups.add(cleanup)
  return async () => {
    cleanups.delete(cleanup)
    await cleanup()
  }
}

const fillBoth = async (files: Record<Side, string>, published: number) => {
  log(`${n(published)} articles: filling scratch databases in ${path.dirname(files.project)}`)
  const seconds = {
    project: await fill('fillProject.ts', files.project, published),
    baseline: await fill('fillBaseline.ts', files.baseline, published),
  }
  log(
    `${n(published)} articles: project filled in ${seconds.project.toFixed(1)} s, baseline in ${seconds.baseline.toFixed(1)} s`,
  )
  return seconds
}

const startBoth = async (files: Record<Side, string>) => {
  // TRUST_PROXY=1: the comment scenario gives each comment its own client address in X-Forwarded-For.
  const project = await startServer({
    appDir: ROOT,
    databaseFile: files.project,
    env: { TRUST_PROXY: '1' },
    label: 'project',
  })
  const stopProject = onCleanUp(project.stop)
  const baseline = await startServer({ appDir: BASELINE_DIR, databaseFile: files.baseline, label: 'baseline' })
  const stopBaseline = onCleanUp(baseline.stop)
  log(`servers up: project ${project.url}, baseline ${baseline.url}`)
  return { servers: { baseline, project }, stop: async () => Promise.all([stopBaseline(), stopProject()]) }
}

const benchSize = async (published: number, options: BenchOptions): Promise<SizeResult> => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-bench-'))
  const removeDir = onCleanUp(() => fs.rm(dir, { force: true, recursive: true }))
  const files: Record<Side, string> = { baseline: path.join(dir, 'baseline.db'), project: path.join(dir, 'project.db') }
  const fillSeconds = await fillBoth(files, published)

  // The project's database, read directly: what the scenarios rotate over, and whether accepted comments were stored.
  const client = createClient({ url: `file:${files.project}` })
  const closeClient = onCleanUp(async () => client.close())
  const { rows } = await client.execute(
    'SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM comments) AS comments',
  )
  const targets = await readTargets(client)

  const { servers, stop } = await startBoth(files)
  log(`${n(published)} articles: checking that the baseline answers like the project`)
  await checkEquivalence(servers, targets, published)
  const scenarios: ScenarioResult[] = []
  // Reads first: the comment scenario adds rows the reads would then see.
  const chosen = SCENARIOS.filter(({ name }) => options.scenarios.includes(name))
  for (const scenario of chosen.sort((a, b) => Number(a.writes) - Number(b.writes))) {
    scenarios.push(await runScenario(scenario, { client, options, published, servers, targets }))
  }
  await stop()
  await closeClient()
  await removeDir()
  return {
    fillSeconds,
    published,
    rows: { articles: Number(rows[0].articles), comments: Number(rows[0].comments) },
    scenarios,
  }
}

const main = async () => {
  const options = readOptions()
  log(`node ${process.version}, ${os.cpus().length} cores; options ${JSON.stringify(options)}`)
  await ensureBuild({ dir: ROOT, label: 'project' }, options.build)
  await ensureBuild({ dir: BASELINE_DIR, label: 'baseline' }, options.build)
  const sizes: SizeResult[] = []
  for (const published of options.sizes) sizes.push(await benchSize(published, options))
  process.stdout.write(formatTable(sizes, options.rounds))
  await fs.mkdir(path.dirname(RESULTS_FILE), { recursive: true })
  const machine = {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    loadAverage: os.loadavg(),
    node: process.version,
  }
  await fs.writeFile(
    RESULTS_FILE,
    `${JSON.stringify({ date: new Date().toISOString(), machine, options, sizes }, null, 2)}\n`,
  )
  log(`raw results written to ${path.relative(ROOT, RESULTS_FILE)}`)
}

try {
  await main()
} catch (error) {
  console.error(error)
  process.exitCode = 1
} finally {
  await cleanUp()
}
