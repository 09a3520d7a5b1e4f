/**
 * `npm run bench:read-more`: on SQLite, then on PostgreSQL, fills a scratch database with 10,000
 * and then 100,000 articles over 500 tags (Zipf-skewed, 2–4 tags each; bench/readMoreArchive.ts)
 * and prints the time to resolve the "Read more about" links of one article, through the plugin's
 * own code path, at each size, and the 100k / 10k ratio for each database. At 10,000 it also
 * resolves the same stories with each ranking option set (excludeTags, maxAgeDays, minScore,
 * similarText), to show what each costs.
 *
 * PostgreSQL: a scratch database on the server of BENCH_POSTGRES_URL (default: the machine's
 * postgres://postgres@127.0.0.1:5432/postgres), created and dropped here; when no server answers,
 * the PostgreSQL run is skipped with the reason and the script still exits 0.
 *
 * Each database is measured in a process of its own (`--measure`, DATABASE_URL set): the config
 * reads DATABASE_URL once, when it is imported. The rows are written with bulk SQL (Payload's
 * create would take an hour at this size); the topic counts are then rebuilt, as the README says
 * to after writes that bypass the hooks.
 */
import { spawn } from 'child_process'
import fs from 'fs/promises'
import os from 'os'
import path from 'path'
import { getPayload } from 'payload'
import { fileURLToPath } from 'url'

import type { Payload } from 'payload'

import type { ReadMoreOptions } from '../plugins/read-more'

import { archiveDate, type ArchiveDialect, ARCHIVE_TAGS, readMoreArchive } from '../bench/readMoreArchive'
import { seededRandom } from '../bench/random'
import { optionsOf } from '../plugins/read-more/utilities/optionsOf'
import { resolveReadMoreLinks } from '../plugins/read-more/utilities/resolveLinks'
import { sanitizeOptions } from '../plugins/read-more/utilities/sanitizeOptions'
import { backfillIndex } from '../src/search/reindex'
import { similarStories } from '../src/search/similarStories'
import { runScript } from '../src/utilities/runScript'
import { createPostgresDatabase, executeSQL, type ScratchDatabase } from '../tests/helpers/testDatabase'

const SIZES = [10_000, 100_000]
const SAMPLES = 400
const WARM_UP = 100
const MEASURE_FLAG = '--measure'
const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres'

const sorted = (values: number[]) => [...values].sort((a, b) => a - b)
const median = (values: number[]) => sorted(values)[Math.floor(values.length / 2)]
const percentile = (values: number[], p: number) => sorted(values)[Math.floor(values.length * p)]

type Timings = { cpuTimes: number[]; links: number; misses: number; times: number[] }

/** Resolves the links of each id in turn; the first WARM_UP are not measured. */
const timeResolves = async (ids: number[], resolve: (id: number) => Promise<unknown[]>): Promise<Timings> => {
  const timings: Timings = { cpuTimes: [], links: 0, misses: 0, times: [] }
  for (const [index, id] of ids.entries()) {
    const cpuBefore = process.cpuUsage()
    const start = performance.now()
    try {
      timings.links += (await resolve(id)).length
    } catch (error) {
      // A draft: the public gets a 404, which is part of the work measured too. Anything else is a bug.
      if ((error as { status?: number }).status !== 404) throw error
      timings.misses++
    }
    if (index >= WARM_UP) {
      timings.times.push(performance.now() - start)
      const cpu = process.cpuUsage(cpuBefore)
      timings.cpuTimes.push((cpu.user + cpu.system) / 1000)
    }
  }
  return timings
}

const DAY_MS = 24 * 60 * 60 * 1000

/** Each ranking option on its own (and the text signal where it has room to work), over the project's defaults. */
const optionVariants = (size: number): [string, ReadMoreOptions][] => [
  ['defaults', {}],
  ['excludeTags: the two most used tags', { excludeTags: ['topic-1', 'topic-2'] }],
  ['maxAgeDays: the newer half of the archive', { maxAgeDays: Math.ceil((Date.now() - Date.parse(archiveDate(size / 2))) / DAY_MS) }],
  ['minScore: 2', { minScore: 2 }],
  ['similarText (the search index)', { similarText: similarStories }],
  ['minScore: 5 with similarText (text fills most links)', { minScore: 5, similarText: similarStories }],
]

/** The cost of each option, at one size: the same stories resolved with each variant of the options. */
const measureOptions = async (payload: Payload, ids: number[], size: number): Promise<void> => {
  const began = performance.now()
  await backfillIndex(payload)
  console.log(`  options at ${size.toLocaleString('en-US')} articles (search index filled in ${((performance.now() - began) / 1000).toFixed(1)} s):`)
  const base = optionsOf(payload, 'articles')
  for (const [label, variant] of optionVariants(size)) {
    const options = sanitizeOptions({ ...base, ...variant } as ReadMoreOptions)
    const { cpuTimes, links, misses, times } = await timeResolves(ids, (id) =>
      resolveReadMoreLinks({ id, collection: 'articles', limit: options.maxLinks, options, payload, user: null }),
    )
    console.log(
      `  ${label.padEnd(52)} median ${median(times).toFixed(2)} ms, p99 ${percentile(times, 0.99).toFixed(2)} ms, ` +
        `median CPU ${median(cpuTimes).toFixed(2)} ms, ${(links / (ids.length - misses)).toFixed(1)} links each`,
    )
  }
}

/** Fills and measures the database of DATABASE_URL: the `--measure` process. */
const measure = async (): Promise<void> => {
  process.env.PAYLOAD_SECRET ??= 'read-more-bench-secret'
  // Imported only now: the config reads DATABASE_URL when it loads. Its onInit applies the migrations.
  const { default: config } = await import('@payload-config')
  const { getReadMoreLinks, rebuildReadMoreCounts } = await import('@plugins/read-more')
  const payload = await getPayload({ config })
  const dialect = payload.db.name as ArchiveDialect
  const archive = readMoreArchive({ dialect, execute: (statement) => executeSQL(payload, statement) })
  // Which stories are resolved: a generator of its own, so the samples do not change the archive.
  const sample = seededRandom(0x6d2b79f5)
  try {
    await archive.writeTopicsAndAuthors()
    console.log(`\n${dialect}: ${ARCHIVE_TAGS} tags (Zipf, s = 1), 2–4 tags per story, 5% drafts, ${SAMPLES} resolves per size`)
    const results: { cpu: number; median: number }[] = []
    for (const size of SIZES) {
      const began = performance.now()
      await archive.grow(size)
      await rebuildReadMoreCounts({ collection: 'articles', payload })
      // What autovacuum does some time after a bulk import (SQLite's statistics are pinned by the app).
      if (dialect === 'postgres') await executeSQL(payload, 'VACUUM ANALYZE')
      const fillSeconds = (performance.now() - began) / 1000
      const ids = Array.from({ length: SAMPLES + WARM_UP }, () => 1 + Math.floor(sample() * size))
      const { cpuTimes, links, misses, times } = await timeResolves(ids, (id) => getReadMoreLinks({ id, collection: 'articles', payload }))
      results.push({ cpu: median(cpuTimes), median: median(times) })
      console.log(
        `${size.toLocaleString('en-US').padStart(7)} articles: median ${median(times).toFixed(2)} ms, p95 ${percentile(times, 0.95).toFixed(2)} ms, ` +
          `p99 ${percentile(times, 0.99).toFixed(2)} ms, median CPU time of this process ${median(cpuTimes).toFixed(2)} ms ` +
          `(${(links / (ids.length - misses)).toFixed(1)} links each, ${misses} drafts answered 404; filled in ${fillSeconds.toFixed(1)} s)`,
      )
      if (size === SIZES[0]) await measureOptions(payload, ids, size)
    }
    const [small, large] = results
    console.log(
      `${dialect} 100k / 10k median: ${(large.median / small.median).toFixed(2)}× wall, ${(large.cpu / small.cpu).toFixed(2)}× CPU (the target is at most 3×)`,
    )
    // Wall time includes waiting for a core; on PostgreSQL it also includes the server's own work,
    // which this process's CPU time does not.
    console.log(`load average while measuring: ${os.loadavg().map((load) => load.toFixed(2)).join(', ')}`)
  } finally {
    await payload.destroy()
  }
}

/** Runs this script with `--measure` on one database, its output shown as it comes. */
const measureIn = (databaseURL: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), MEASURE_FLAG], {
      env: { ...process.env, DATABASE_URL: databaseURL },
      stdio: 'inherit',
    })
    child.once('error', reject)
    child.once('exit', (code) => resolve(code ?? 1))
  })

const onSQLite = async (): Promise<number> => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'read-more-bench-'))
  try {
    return await measureIn(`file:${path.join(dir, 'bench.db')}`)
  } finally {
    await fs.rm(dir, { force: true, recursive: true })
  }
}

const onPostgres = async (): Promise<number> => {
  const adminURL = process.env.BENCH_POSTGRES_URL ?? DEFAULT_POSTGRES_URL
  let database: ScratchDatabase
  try {
    database = await createPostgresDatabase(adminURL)
  } catch (error) {
    console.log(`\npostgres: skipped, no scratch database on ${adminURL} (${(error as Error).message}); set BENCH_POSTGRES_URL to a server where it may create one.`)
    return 0
  }
  try {
    return await measureIn(database.url)
  } finally {
    await database.drop()
  }
}

// Awaited at the top level: `payload run` exits as soon as the import settles.
await runScript({ name: 'bench:read-more', url: import.meta.url }, async () => {
  if (process.argv.includes(MEASURE_FLAG)) {
    await measure()
    return 0
  }
  console.log(`read-more bench: node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ${new Date().toISOString()}`)
  const sqlite = await onSQLite()
  if (sqlite !== 0) return sqlite
  return onPostgres()
})
