/**
 * `npx tsx bench/variants.ts`: what each lever of a stranger's default read is worth. Fills one
 * archive (as `npm run bench` does), serves the project (origin cache off) and the bare-Payload
 * baseline, and measures variants of the story-by-id and default-list reads (joins, depth, select,
 * pagination) one after another with autocannon (bench/load.ts), each against the same server and
 * data. The server's CPU per response (from /proc) is the figure to compare on a shared machine.
 *
 *   --size=2000       published articles (plus 10% drafts)
 *   --duration=5      seconds measured per variant, after --warmup=2 seconds of the same load
 *   --connections=20
 *   --only=by-id      only the variants whose name starts with this
 */
import fs from 'fs/promises'
import os from 'os'
import path from 'path'
import { parseArgs } from 'util'

import type { Request } from 'autocannon'

import type { Measurement } from './load'
import type { Side } from './scenarios'
import type { RunningServer } from './servers'

import { openBenchDatabase } from './database'
import { fill } from './fill'
import { cleanUp, log, n, onCleanUp } from './lifecycle'
import { measure } from './load'
import { BASELINE_DIR, ROOT } from './paths'
import { startServer } from './servers'
import { readTargets } from './targets'

type Variant = { name: string; path: (id: number) => string; side: Side }

const CARD = ['title', 'slug', 'excerpt', 'publishedAt', 'authors', 'tags'].map((field) => `select[${field}]=true`).join('&')
const PUBLISHED = 'where[_status][equals]=published'

/** Each by-id variant rotates over every published story; the list variants ask for the same page each time. */
export const VARIANTS: Variant[] = [
  { name: 'by-id: default (?depth=1)', path: (id) => `/api/articles/${id}?depth=1`, side: 'project' },
  { name: 'by-id: joins[comments]=false', path: (id) => `/api/articles/${id}?depth=1&joins[comments]=false`, side: 'project' },
  { name: 'by-id: select[content]=false', path: (id) => `/api/articles/${id}?depth=1&select[content]=false`, side: 'project' },
  { name: 'by-id: select[readMore]=false', path: (id) => `/api/articles/${id}?depth=1&select[readMore]=false`, side: 'project' },
  { name: 'by-id: card fields (select title,slug,excerpt,publishedAt,authors,tags)', path: (id) => `/api/articles/${id}?depth=1&${CARD}`, side: 'project' },
  { name: 'by-id: depth=0', path: (id) => `/api/articles/${id}?depth=0`, side: 'project' },
  { name: 'by-id: depth=0 & joins[comments]=false', path: (id) => `/api/articles/${id}?depth=0&joins[comments]=false`, side: 'project' },
  { name: 'by-id: baseline default (?depth=1)', path: (id) => `/api/articles/${id}?depth=1`, side: 'baseline' },
  { name: 'by-id: baseline joins[comments]=false', path: (id) => `/api/articles/${id}?depth=1&joins[comments]=false`, side: 'baseline' },
  { name: 'list: default (?limit=10&depth=1&sort=-publishedAt)', path: () => '/api/articles?limit=10&depth=1&sort=-publishedAt', side: 'project' },
  { name: 'list: joins[comments]=false', path: () => '/api/articles?limit=10&depth=1&sort=-publishedAt&joins[comments]=false', side: 'project' },
  { name: 'list: pagination=false', path: () => '/api/articles?limit=10&depth=1&sort=-publishedAt&pagination=false', side: 'project' },
  { name: 'list: select[content]=false', path: () => '/api/articles?limit=10&depth=1&sort=-publishedAt&select[content]=false', side: 'project' },
  { name: 'list: depth=0', path: () => '/api/articles?limit=10&depth=0&sort=-publishedAt', side: 'project' },
  {
    name: 'list: the frontend home (joins false, pagination false)',
    path: () => '/api/articles?limit=10&depth=1&sort=-publishedAt&joins[comments]=false&pagination=false',
    side: 'project',
  },
  { name: 'list: baseline default (?limit=10&depth=1, published)', path: () => `/api/articles?limit=10&depth=1&${PUBLISHED}`, side: 'baseline' },
]

const { values } = parseArgs({
  options: {
    connections: { type: 'string' },
    duration: { type: 'string' },
    only: { type: 'string' },
    size: { type: 'string' },
    warmup: { type: 'string' },
  },
})
const published = Number(values.size ?? 2000)
const options = { connections: Number(values.connections ?? 20), duration: Number(values.duration ?? 5), warmup: Number(values.warmup ?? 2) }
const chosen = VARIANTS.filter(({ name }) => !values.only || name.startsWith(values.only))

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void cleanUp().finally(() => process.exit(130)))
}

const row = (name: string, m: Measurement, reference?: Measurement): string =>
  `| ${name} | ${n(m.rate)} | ${n(m.p50)} | ${n(m.p99)} | ${m.serverCPUMsPerResponse.toFixed(1)} | ${
    reference ? `${(reference.serverCPUMsPerResponse / m.serverCPUMsPerResponse).toFixed(2)}×` : ''
  } | ${n(m.meanResponseBytes)} | ${m.errors} |`

try {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-variants-'))
  onCleanUp(() => fs.rm(dir, { force: true, recursive: true }))
  const files: Record<Side, string> = { baseline: path.join(dir, 'baseline.db'), project: path.join(dir, 'project.db') }
  const withBaseline = chosen.some(({ side }) => side === 'baseline')
  log(`${n(published)} articles: filling ${dir}`)
  await fill('fillProject.ts', `file:${files.project}`, published)
  if (withBaseline) await fill('fillBaseline.ts', `file:${files.baseline}`, published)
  const database = openBenchDatabase(`file:${files.project}`)
  const { articles } = await readTargets(database)
  await database.close()

  const servers: Partial<Record<Side, RunningServer>> = {}
  servers.project = await startServer({
    appDir: ROOT,
    databaseURL: `file:${files.project}`,
    env: { ORIGIN_CACHE: 'off', TRUST_PROXY: '1' },
    label: 'project',
  })
  onCleanUp(servers.project.stop)
  if (withBaseline) {
    servers.baseline = await startServer({ appDir: BASELINE_DIR, databaseURL: `file:${files.baseline}`, label: 'baseline' })
    onCleanUp(servers.baseline.stop)
  }

  const lines = [
    `${n(published)} articles, ${options.connections} connections, ${options.warmup} s warm-up + ${options.duration} s measured per variant; node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)} at the start`,
    '',
    '| variant | req/s | p50 ms | p99 ms | server CPU ms per response | CPU gain vs default | bytes per response | errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ]
  const defaults = new Map<string, Measurement>()
  for (const variant of chosen) {
    let next = 0
    const request: Request = {
      method: 'GET',
      setupRequest: (built) => ({ ...built, path: variant.path(articles[next++ % articles.length].id) }),
    }
    const measurement = await measure([servers[variant.side]!], request, options)
    const kind = variant.name.split(':')[0]
    if (!defaults.has(kind)) defaults.set(kind, measurement)
    lines.push(row(variant.name, measurement, defaults.get(kind)))
    log(`${variant.name}: ${n(measurement.rate)} req/s, ${measurement.serverCPUMsPerResponse.toFixed(1)} ms CPU per response`)
  }
  process.stdout.write(`${lines.join('\n')}\n`)
} catch (error) {
  console.error(error)
  process.exitCode = 1
} finally {
  await cleanUp()
}
