import pg from 'pg'

import type { BenchDatabase } from './database'
import type { DatabaseCPU } from './load'
import type { BenchOptions } from './options'
import type { ScenarioResult, SizeResult } from './results'
import type { RunningServer } from './servers'
import type { Targets } from './targets'

import { createPostgresDatabase } from '../tests/helpers/testDatabase'
import { openBenchDatabase } from './database'
import { fill } from './fill'
import { log, n, onCleanUp } from './lifecycle'
import { ROOT } from './paths'
import { cpuTicksByPid } from './rss'
import { runScenario } from './runScenario'
import { SCENARIOS } from './scenarios'
import { startServer } from './servers'
import { readTargets } from './targets'

/** A server where the bench may create and drop a database. */
export const benchPostgresURL = (): string =>
  process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

export type TableSize = { bytes: number; indexBytes: number; rows: number; table: string }

/** The database's size after the fill: the figure a capacity model extrapolates from. */
export type PostgresSize = { databaseBytes: number; published: number; tables: TableSize[] }

export type PostgresBench = { runs: SizeResult[]; size?: PostgresSize; skipped?: string }

const instancesLabel = (count: number) => `postgres · ${count} instance${count === 1 ? '' : 's'}`

/** Why the server cannot be used, or undefined when it can. */
const unreachable = async (url: string): Promise<string | undefined> => {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 })
  try {
    await client.connect()
    await client.query('SELECT 1')
    return undefined
  } catch (error) {
    return `no PostgreSQL server at ${url.replace(/\/\/[^@/]*@/, '//…@')} (BENCH_POSTGRES_URL): ${(error as Error).message}`
  } finally {
    await client.end().catch(() => undefined)
  }
}

const measureSize = async (database: BenchDatabase, published: number): Promise<PostgresSize> => {
  const [{ bytes }] = await database.rows('SELECT pg_database_size(current_database()) AS bytes')
  // reltuples is ANALYZE's row count, which the fill has just run: no count(*) over every table.
  const tables = await database.rows(
    `SELECT c.relname AS "table", pg_total_relation_size(c.oid) AS bytes, pg_indexes_size(c.oid) AS "indexBytes",
            c.reltuples AS rows
       FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace
      WHERE ns.nspname = 'public' AND c.relkind = 'r'
      ORDER BY pg_total_relation_size(c.oid) DESC`,
  )
  return {
    databaseBytes: Number(bytes),
    published,
    tables: tables.map((row) => ({
      bytes: Number(row.bytes),
      indexBytes: Number(row.indexBytes),
      rows: Math.max(0, Number(row.rows)),
      table: String(row.table),
    })),
  }
}

/**
 * The server processes serving the bench database's other connections (the instances' pools), read
 * from /proc: PostgreSQL must run on this machine, as the bench's default server does; elsewhere
 * the pids name nothing here and the figure is 0.
 */
const databaseCPUOf =
  (database: BenchDatabase): DatabaseCPU =>
  async () => {
    const rows = await database.rows(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    )
    return cpuTicksByPid(rows.map(({ pid }) => Number(pid)))
  }

/** `count` instances of the project on one database, all started before any is measured. */
const startInstances = async (
  url: string,
  count: number,
): Promise<{ servers: RunningServer[]; stop: () => Promise<void> }> => {
  const servers: RunningServer[] = []
  const stops: (() => Promise<void>)[] = []
  for (let i = 1; i <= count; i++) {
    const server = await startServer({
      appDir: ROOT,
      databaseURL: url,
      // The comment scenario gives each comment its own client address in X-Forwarded-For; the origin
      // cache, off unless ORIGIN_CACHE=on is given to the bench, would otherwise answer the repeated reads.
      env: { ORIGIN_CACHE: process.env.ORIGIN_CACHE ?? 'off', TRUST_PROXY: '1' },
      label: `project (postgres, instance ${i} of ${count})`,
    })
    servers.push(server)
    stops.push(onCleanUp(server.stop))
  }
  log(`${instancesLabel(count)}: ${servers.map(({ url: at }) => at).join(', ')}`)
  return { servers, stop: async () => void (await Promise.all(stops.map((stop) => stop()))) }
}

/** The cached path's figures are those of the in-memory cache in front of Payload, measured on SQLite. */
const POSTGRES_SCENARIOS = SCENARIOS.filter(({ originCache }) => !originCache)

type InstancesRun = { database: BenchDatabase; options: BenchOptions; targets: Targets; url: string }

const runInstances = async (
  count: number,
  { database, options, targets, url }: InstancesRun,
): Promise<ScenarioResult[]> => {
  const { servers, stop } = await startInstances(url, count)
  const label = instancesLabel(count)
  const chosen = POSTGRES_SCENARIOS.filter(({ name }) => options.scenarios.includes(name))
  const scenarios: ScenarioResult[] = []
  // Reads first: the comment scenario adds rows the reads would then see.
  for (const scenario of chosen.sort((a, b) => Number(a.writes) - Number(b.writes))) {
    const context = { database, databaseCPU: databaseCPUOf(database), label, options, servers: { project: servers }, targets }
    scenarios.push(await runScenario(scenario, context))
  }
  await stop()
  return scenarios
}

/**
 * The load scenarios on a scratch PostgreSQL database: created, migrated by the project's own
 * migrations (the fill's Payload start), filled with the SQLite runs' rows, ANALYZEd; then one
 * `next start` instance, then several sharing the connections; dropped at the end. No bare-Payload
 * baseline: its ratio is a property of the code, which the SQLite runs already give.
 */
export const benchPostgres = async (options: BenchOptions): Promise<PostgresBench> => {
  const adminURL = benchPostgresURL()
  const skipped = await unreachable(adminURL)
  if (skipped) return { runs: [], skipped }
  const skippedScenarios = options.scenarios.filter((name) => !POSTGRES_SCENARIOS.some((scenario) => scenario.name === name))
  if (skippedScenarios.length) log(`PostgreSQL runs: ${skippedScenarios.join(', ')} run on SQLite only`)

  const published = options.postgresSize
  const scratch = await createPostgresDatabase(adminURL)
  const drop = onCleanUp(scratch.drop)
  log(`${n(published)} articles on PostgreSQL: filling ${scratch.url.replace(/\/\/[^@/]*@/, '//…@')}`)
  const fillSeconds = await fill('fillProject.ts', scratch.url, published)
  log(`${n(published)} articles on PostgreSQL: filled in ${fillSeconds.toFixed(1)} s`)

  const database = openBenchDatabase(scratch.url)
  const close = onCleanUp(database.close)
  const size = await measureSize(database, published)
  const [counts] = await database.rows(
    'SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM comments) AS comments',
  )
  const rows = { articles: Number(counts.articles), comments: Number(counts.comments) }
  const targets = await readTargets(database)
  const runs: SizeResult[] = []
  for (const count of options.instances) {
    const scenarios = await runInstances(count, { database, options, targets, url: scratch.url })
    runs.push({ database: instancesLabel(count), fillSeconds: { project: fillSeconds }, published, rows, scenarios })
  }
  await close()
  await drop()
  return { runs, size }
}
