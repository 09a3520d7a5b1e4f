/**
 * `npm run bench`: the read benchmark. Serves the production build of the project and of a
 * bare-Payload baseline (bench/baseline) on scratch SQLite databases filled with the same
 * generated archive, drives both with autocannon, and prints one table (stdout; progress goes
 * to stderr). Raw results: bench/results/latest.json. See bench/README.md.
 *
 * Knobs (a flag wins over its environment variable):
 *   --archive=newsroom   BENCH_ARCHIVE      the archive's shape: newsroom (this bench's own) or client (issue 16's client)
 *   --sizes=2000,20000   BENCH_SIZES        published articles per archive (plus 10% drafts)
 *   --duration=10        BENCH_DURATION     seconds measured per run
 *   --warmup=3           BENCH_WARMUP       seconds of the same load before each run, not measured
 *   --connections=20     BENCH_CONNECTIONS  concurrent connections
 *   --rounds=2           BENCH_ROUNDS       runs per scenario and side, alternating project and baseline
 *   --scenarios=…        BENCH_SCENARIOS    a subset of home,article,tag,default-list,story-by-id,read-more,search,graphql,default-list-cached,story-by-id-cached,comments,graphql-worst,burst
 *   --build              BENCH_BUILD=1      rebuild both apps instead of reusing .next (BUILD_ID)
 *   --cpu-prof           BENCH_CPU_PROF=1   profile the project's server into bench/results/cpu-profiles
 *   --only=postgres      BENCH_ONLY         only the SQLite runs (sqlite) or only the PostgreSQL ones (postgres)
 *   --postgres-size=…    BENCH_POSTGRES_SIZE  published articles on PostgreSQL (20000)
 *   --instances=1,2      BENCH_INSTANCES    `next start` instances sharing the load, one PostgreSQL run each
 *   BENCH_POSTGRES_URL   a server where the bench may create a scratch database (postgres://postgres@127.0.0.1:5432/postgres)
 *
 * Example of a quick run: npm run bench -- --sizes=200,400 --duration=2 --warmup=1
 */
import fs from 'fs/promises'
import os from 'os'
import path from 'path'

import type { BenchOptions } from './options'
import type { PostgresBench } from './postgres'
import type { ScenarioResult, SizeResult } from './results'
import type { Side } from './scenarios'

import { ensureBuild } from './build'
import { runBursts } from './burst'
import { checkEquivalence } from './checkEquivalence'
import { openBenchDatabase } from './database'
import { fill } from './fill'
import { runGraphqlWorst } from './graphqlWorst'
import { cleanUp, log, n, onCleanUp } from './lifecycle'
import { readOptions } from './options'
import { runCachedReads } from './originCache'
import { BASELINE_DIR, CPU_PROFILE_DIR, RESULTS_FILE, ROOT } from './paths'
import { benchPostgres } from './postgres'
import { runScenario } from './runScenario'
import { SCENARIOS } from './scenarios'
import { startServer } from './servers'
import { formatPostgresSize, formatTable } from './table'
import { readTargets } from './targets'

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void cleanUp().finally(() => process.exit(130)))
}

const fillAll = async (files: Record<Side, string>, published: number, withBaseline: boolean) => {
  log(`${n(published)} articles: filling scratch databases in ${path.dirname(files.project)}`)
  const seconds: SizeResult['fillSeconds'] = {
    project: await fill('fillProject.ts', `file:${files.project}`, published),
  }
  if (withBaseline) seconds.baseline = await fill('fillBaseline.ts', `file:${files.baseline}`, published)
  log(
    `${n(published)} articles: project filled in ${seconds.project.toFixed(1)} s` +
      (seconds.baseline === undefined ? '' : `, baseline in ${seconds.baseline.toFixed(1)} s`),
  )
  return seconds
}

const startAll = async (files: Record<Side, string>, withBaseline: boolean, cpuProf: boolean) => {
  const project = await startServer({
    appDir: ROOT,
    databaseURL: `file:${files.project}`,
    // The comment scenarios give each comment its own client address in X-Forwarded-For. The figures
    // are of Payload's own work: the origin cache stays off unless ORIGIN_CACHE=on is given to the bench.
    env: { ORIGIN_CACHE: process.env.ORIGIN_CACHE ?? 'off', TRUST_PROXY: '1' },
    label: 'project',
    // Node writes a profile per process when it exits; `next start` exits on the SIGTERM that stops it.
    nodeOptions: cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROFILE_DIR}`] : [],
  })
  const stopProject = onCleanUp(project.stop)
  if (!withBaseline) {
    log(`server up: project ${project.url} (no chosen scenario is compared with the baseline)`)
    return { servers: { project: [project] }, stop: stopProject }
  }
  const baseline = await startServer({ appDir: BASELINE_DIR, databaseURL: `file:${files.baseline}`, label: 'baseline' })
  const stopBaseline = onCleanUp(baseline.stop)
  log(`servers up: project ${project.url}, baseline ${baseline.url}`)
  return {
    servers: { baseline, project: [project] },
    stop: async () => void (await Promise.all([stopBaseline(), stopProject()])),
  }
}

/** Whether any chosen scenario is measured against the bare-Payload baseline too. */
const needsBaseline = (options: BenchOptions): boolean =>
  SCENARIOS.some(({ comparesWithBaseline, name }) => comparesWithBaseline && options.scenarios.includes(name))

const benchSize = async (published: number, options: BenchOptions): Promise<SizeResult> => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-bench-'))
  const removeDir = onCleanUp(() => fs.rm(dir, { force: true, recursive: true }))
  const files: Record<Side, string> = { baseline: path.join(dir, 'baseline.db'), project: path.join(dir, 'project.db') }
  const withBaseline = needsBaseline(options)
  const fillSeconds = await fillAll(files, published, withBaseline)

  // The project's database, read directly: what the scenarios rotate over, and whether accepted comments were stored.
  const database = openBenchDatabase(`file:${files.project}`)
  const closeDatabase = onCleanUp(database.close)
  const rows = await database.rows(
    'SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM comments) AS comments',
  )
  const targets = await readTargets(database)

  const { servers, stop } = await startAll(files, withBaseline, options.cpuProf)
  if (servers.baseline) {
    log(`${n(published)} articles: checking that the baseline answers like the project`)
    await checkEquivalence({ baseline: servers.baseline, project: servers.project[0] }, targets, published)
  }
  const scenarios: ScenarioResult[] = []
  const context = { database, label: `${n(published)} articles`, options, servers, targets }
  const chosen = SCENARIOS.filter(({ name }) => options.scenarios.includes(name))
  // The uncached reads, then the cached ones (on a server of their own), then the writes: the comment
  // scenario adds rows the reads would then see.
  for (const scenario of chosen.filter(({ originCache, writes }) => !originCache && !writes)) {
    scenarios.push(await runScenario(scenario, context))
  }
  const cachedReads = chosen.filter(({ originCache }) => originCache)
  let originCacheFill: SizeResult['originCacheFill']
  if (cachedReads.length) {
    const cached = await runCachedReads(cachedReads, { ...context, databaseURL: `file:${files.project}` })
    scenarios.push(...cached.results)
    originCacheFill = cached.fill
  }
  for (const scenario of chosen.filter(({ writes }) => writes)) scenarios.push(await runScenario(scenario, context))
  const graphqlWorst = options.scenarios.includes('graphql-worst')
    ? await runGraphqlWorst({
        log: (message) => log(`${n(published)} articles · ${message}`),
        server: servers.project[0],
      })
    : undefined
  // Last: it adds staff accounts, after which every comment also notifies them.
  const burst = options.scenarios.includes('burst')
    ? await runBursts({
        database,
        log: (message) => log(`${n(published)} articles · ${message}`),
        options,
        rounds: options.rounds,
        server: servers.project[0],
        targets,
      })
    : undefined
  await stop()
  if (options.cpuProf) log(`CPU profiles of the project's server: ${path.relative(ROOT, CPU_PROFILE_DIR)}`)
  await closeDatabase()
  await removeDir()
  return {
    burst,
    database: 'sqlite',
    fillSeconds,
    graphqlWorst,
    originCacheFill,
    published,
    rows: { articles: Number(rows[0].articles), comments: Number(rows[0].comments) },
    scenarios,
  }
}

const main = async () => {
  const options = readOptions()
  // The fills and the targets generate the archive from BENCH_ARCHIVE (bench/content.ts).
  process.env.BENCH_ARCHIVE = options.archive
  log(`node ${process.version}, ${os.cpus().length} cores; options ${JSON.stringify(options)}`)
  await ensureBuild({ dir: ROOT, label: 'project' }, options.build)
  const sizes: SizeResult[] = []
  if (options.only !== 'postgres') {
    if (needsBaseline(options)) await ensureBuild({ dir: BASELINE_DIR, label: 'baseline' }, options.build)
    for (const published of options.sizes) sizes.push(await benchSize(published, options))
  }
  const postgres: PostgresBench =
    options.only === 'sqlite' ? { runs: [], skipped: '--only=sqlite' } : await benchPostgres(options)
  if (postgres.skipped) log(`PostgreSQL run skipped: ${postgres.skipped}`)
  sizes.push(...postgres.runs)
  process.stdout.write(formatTable(sizes, options.rounds))
  if (postgres.size) process.stdout.write(`\n${formatPostgresSize(postgres.size)}`)
  if (postgres.skipped) process.stdout.write(`\nPostgreSQL run skipped: ${postgres.skipped}\n`)
  await fs.mkdir(path.dirname(RESULTS_FILE), { recursive: true })
  const machine = {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    loadAverage: os.loadavg(),
    node: process.version,
  }
  await fs.writeFile(
    RESULTS_FILE,
    `${JSON.stringify({ date: new Date().toISOString(), machine, options, postgres: { size: postgres.size, skipped: postgres.skipped }, sizes }, null, 2)}\n`,
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
