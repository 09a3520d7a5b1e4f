import type { BurstRound, Latency, ReadLatency, WriteFigures } from './burst'
import type { Measurement } from './load'
import type { PostgresSize } from './postgres'
import type { ScenarioResult, SizeResult } from './results'

import { BURST_SETTINGS, BURST_TARGETS, CLUMP_WINDOW_MS } from './burst'
import { GRAPHQL_WORST_SETTINGS, GRAPHQL_WORST_TARGETS } from './graphqlWorst'
import { bestRound, totalErrors } from './results'

const count = (value: number): string => Math.round(value).toLocaleString('en-US')
const ms = (value: number): string => (value < 10 ? value.toFixed(1) : count(value))
const mb = (bytes: number): string => count(bytes / 1024 / 1024)
const ratio = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '–')

const side = (rounds: Measurement[]): string[] => {
  const best = bestRound(rounds)
  if (!best) return ['', '', '', '', '']
  return [count(best.rate), ms(best.p50), ms(best.p99), count(totalErrors(rounds)), mb(best.peakRSSBytes)]
}

const errorsCell = (scenario: ScenarioResult): string => {
  const errors = count(totalErrors(scenario.project))
  if (!scenario.comments) return errors
  const status5xx = scenario.project.reduce((sum, round) => sum + round.status5xx, 0)
  const lost = scenario.comments.reduce((sum, check) => sum + check.lost, 0)
  return `${errors} (5xx ${count(status5xx)}, lost ${count(lost)})`
}

const rate = (rounds: Measurement[] | undefined): number => bestRound(rounds ?? [])?.rate ?? NaN

const render = (rows: string[][]): string => {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)))
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`
  return [
    line(rows[0]),
    `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
    ...rows.slice(1).map(line),
  ].join('\n')
}

/**
 * One table, scenario × size: the project's best round, the baseline's, their ratio, and how
 * the rate holds up from the smallest archive to each larger one (project · baseline).
 */
const formatLoadTable = (sizes: SizeResult[], rounds: number): string => {
  const smallest = sizes[0]
  const header = [
    'scenario',
    'database',
    'articles',
    'req/s',
    'p50 ms',
    'p99 ms',
    'errors',
    'RSS MB',
    'baseline req/s',
    'p50 ms',
    'p99 ms',
    'errors',
    'RSS MB',
    'project/baseline',
    `req/s vs ${count(smallest.published)} ${smallest.database} (project · baseline)`,
  ]
  const rows: string[][] = [header]
  for (const { label, name } of smallest.scenarios) {
    for (const size of sizes) {
      const scenario = size.scenarios.find((item) => item.name === name)
      if (!scenario) continue
      const first = smallest.scenarios.find((item) => item.name === name)
      const hasBaseline = scenario.baseline.length > 0
      // The PostgreSQL runs have no bare-Payload baseline to compare with (bench/README.md says why).
      const projectBaseline = hasBaseline
        ? ratio(rate(scenario.project) / rate(scenario.baseline))
        : size.database === 'sqlite'
          ? ''
          : '—'
      const growth =
        size === smallest
          ? ''
          : `${ratio(rate(scenario.project) / rate(first?.project))}${hasBaseline ? ` · ${ratio(rate(scenario.baseline) / rate(first?.baseline))}` : ''}`
      rows.push([
        scenario.comments ? `${label} (accepted/s)` : label,
        size.database,
        count(size.published),
        ...side(scenario.project).map((cell, column) => (column === 3 ? errorsCell(scenario) : cell)),
        ...side(scenario.baseline),
        projectBaseline,
        growth,
      ])
    }
  }
  const notes = [
    `Best of ${rounds} round(s) per scenario and side, by successful responses per second; errors (non-2xx and socket errors) are summed over all rounds.`,
    'RSS is the peak resident memory of the server process tree while measured. Baseline: bare Payload, same collections and data, no access rules, hooks, custom indexes or plugin.',
  ]
  if (sizes.some(({ originCacheFill }) => originCacheFill)) {
    notes.push(
      '"origin cache" rows: a second project server on the same database with ORIGIN_CACHE=on (in memory), each read requested once before the run, so the run measures hits; the baseline reads the same paths uncached.',
    )
  }
  for (const { originCacheFill: fill, published } of sizes) {
    if (!fill) continue
    notes.push(
      `Origin cache filled at ${count(published)} articles: ${count(fill.requested)} distinct story reads, the cache keeping the last ${count(fill.held)} (${mb(fill.heldBodyBytes)} MB of bodies); the server's RSS then ${mb(fill.rssBytes)} MB.`,
    )
  }
  if (sizes.some(({ database }) => database !== 'sqlite')) {
    notes.push(
      'postgres · N instances: N `next start` processes on one scratch PostgreSQL database, the connections split evenly between them (connection i to instance i mod N); req/s is all instances together, RSS the sum of their peaks. No bare-Payload baseline on PostgreSQL (—).',
    )
  }
  return `${render(rows)}\n\n${notes.join('\n')}\n`
}

/**
 * What a response cost in CPU, from /proc, by the best round: other work on the machine slows the
 * rate and the latencies far more than it changes these, so they are the figures to plan with.
 */
const formatCPUTable = (sizes: SizeResult[]): string => {
  const rows = [['scenario', 'database', 'articles', 'server CPU ms', 'database CPU ms', 'responses per server core-second']]
  for (const { label, name } of sizes[0].scenarios) {
    for (const size of sizes) {
      const best = bestRound(size.scenarios.find((item) => item.name === name)?.project ?? [])
      if (!best) continue
      rows.push([
        label,
        size.database,
        count(size.published),
        ms(best.serverCPUMsPerResponse),
        best.databaseCPUMsPerResponse === undefined ? '' : ms(best.databaseCPUMsPerResponse),
        count(1000 / best.serverCPUMsPerResponse),
      ])
    }
  }
  return `CPU per response (measured seconds, best round; 2 instances: both summed). Server: the next start process tree(s); database: the PostgreSQL processes serving them. One instance runs its JavaScript on one thread: its ceiling is about one core.\n\n${render(rows)}\n`
}

const passOrFail = (pass: boolean): string => (pass ? 'pass' : 'FAIL')

const latencies = ({ count: n, max, p50, p99 }: Latency, withMax = false): string =>
  `${ms(p50)} / ${ms(p99)}${withMax ? ` / ${ms(max)}` : ''} (n=${count(n)})`

const readRow = (label: string, alone: Latency, burst: Latency, judged: boolean): string[] => [
  label,
  latencies(alone),
  latencies(burst),
  judged ? `p99 ≤ ${BURST_TARGETS.readP99Ms}` : '',
  judged ? passOrFail(burst.count > 0 && burst.p99 <= BURST_TARGETS.readP99Ms) : '',
]

const writeRow = (label: string, { alone, burst }: WriteFigures): string[] => {
  const slowdown = { p50: burst.p50 / alone.p50, p99: burst.p99 / alone.p99 }
  const pass = slowdown.p50 <= BURST_TARGETS.writeSlowdown && slowdown.p99 <= BURST_TARGETS.writeSlowdown
  return [
    label,
    latencies(alone, true),
    latencies(burst, true),
    `≤ ${BURST_TARGETS.writeSlowdown}× alone: p50 ≤ ${ms(alone.p50 * BURST_TARGETS.writeSlowdown)}, p99 ≤ ${ms(alone.p99 * BURST_TARGETS.writeSlowdown)}`,
    `${passOrFail(pass)} (${ratio(slowdown.p50)}, ${ratio(slowdown.p99)})`,
  ]
}

const stored = ({ writes }: BurstRound): string =>
  `comments ${count(writes.comment.stored.stored)} of ${count(writes.comment.stored.accepted)}, saves ${count(writes.save.stored.stored)} of ${count(writes.save.stored.accepted)}`

/** One table per burst: each figure alone and in the burst, its target, and whether it is met. */
const formatBurst = (published: number, index: number, rounds: number, round: BurstRound): string => {
  const { reads, responses, writes } = round
  const lost = writes.comment.stored.lost + writes.save.stored.lost
  const title =
    `Write burst, ${count(published)} articles, round ${index + 1} of ${rounds}: ${BURST_SETTINGS.comments} comments ` +
    `(each from its own address) and ${BURST_SETTINGS.saves} editor saves sent at once, reads on ` +
    `${BURST_SETTINGS.readConnections} connections beside them. Latencies in ms, p50 / p99 (/ max).`
  const both = (figures: ReadLatency, kind: 'home' | 'story') => figures.byKind[kind]
  return `${title}\n\n${render([
    ['measure', 'alone', 'in the burst', 'target', 'result'],
    readRow('reads (home list and story)', reads.alone, reads.burst, true),
    readRow('  home list', both(reads.alone, 'home'), both(reads.burst, 'home'), false),
    readRow('  story by id', both(reads.alone, 'story'), both(reads.burst, 'story'), false),
    writeRow('comment (POST)', writes.comment),
    writeRow('editor save (PATCH)', writes.save),
    [
      'write responses, ms after sending',
      '',
      `first ${ms(responses.first)}, p10 ${ms(responses.p10)}, p50 ${ms(responses.p50)}, p90 ${ms(responses.p90)}, last ${ms(responses.last)}; at most ${count(responses.largestClump)} within ${CLUMP_WINDOW_MS} ms`,
      'answered as each is done',
      '',
    ],
    ['server CPU, burst start to last answer', '', `${round.serverCores.toFixed(2)} cores`, '', ''],
    ['acknowledged writes stored', '', stored(round), '0 lost', `${passOrFail(lost === 0)} (${count(lost)} lost)`],
    ['5xx · no answer', '', `${count(round.status5xx)} · ${count(round.socketErrors)}`, '', ''],
  ])}\n`
}

/** The costliest accepted anonymous GraphQL operations, one request at a time: time and server memory against the targets. */
const formatGraphqlWorst = (sizes: SizeResult[]): string => {
  const { maxMs, maxRSSGrowthMB } = GRAPHQL_WORST_TARGETS
  const rows = [['operation (cost)', 'articles', 'p50 ms', 'max ms', 'server CPU ms', 'RSS before MB', 'RSS peak MB', 'growth MB', 'result']]
  for (const { graphqlWorst, published } of sizes) {
    for (const operation of graphqlWorst?.operations ?? []) {
      const growth = (operation.rss.peak - operation.rss.before) / 1024 / 1024
      const pass = operation.refused === 0 && operation.latency.max <= maxMs && growth <= maxRSSGrowthMB
      rows.push([
        `${operation.label} (${count(operation.cost)})`,
        count(published),
        ms(operation.latency.p50),
        ms(operation.latency.max),
        ms(operation.cpuMsPerRequest),
        mb(operation.rss.before),
        mb(operation.rss.peak),
        growth.toFixed(1),
        operation.refused ? `FAIL (${count(operation.refused)} refused or with errors)` : passOrFail(pass),
      ])
    }
  }
  return (
    `GraphQL, costliest accepted anonymous operations: ${GRAPHQL_WORST_SETTINGS.warmup} warm-up then ${GRAPHQL_WORST_SETTINGS.requests} measured requests each, one at a time. ` +
    `Server CPU is per request, from /proc: what a request costs whatever else runs on the machine. Target: every request ≤ ${maxMs} ms, server RSS growth ≤ ${maxRSSGrowthMB} MB (peak while it runs, warm-up included, over RSS before its first request).\n\n${render(rows)}\n`
  )
}

/** The scratch PostgreSQL database after the fill, per table: what a capacity model extrapolates from. */
export const formatPostgresSize = ({ databaseBytes, published, tables }: PostgresSize): string => {
  const rows = [['table', 'rows', 'total MB', 'indexes MB']]
  for (const table of tables.slice(0, 12)) {
    rows.push([
      table.table,
      count(table.rows),
      (table.bytes / 1024 / 1024).toFixed(1),
      (table.indexBytes / 1024 / 1024).toFixed(1),
    ])
  }
  return `PostgreSQL database after the fill (${count(published)} published articles, before the comment scenario): ${mb(databaseBytes)} MB (pg_database_size); the largest tables (pg_total_relation_size: heap, TOAST and indexes):\n\n${render(rows)}\n`
}

export const formatTable = (sizes: SizeResult[], rounds: number): string => {
  const sections: string[] = []
  if (sizes.some(({ scenarios }) => scenarios.length)) sections.push(formatLoadTable(sizes, rounds), formatCPUTable(sizes))
  if (sizes.some(({ graphqlWorst }) => graphqlWorst)) sections.push(formatGraphqlWorst(sizes))
  for (const { burst, published } of sizes) {
    burst?.rounds.forEach((round, index) => sections.push(formatBurst(published, index, burst.rounds.length, round)))
  }
  if (sizes.some(({ burst }) => burst)) {
    sections.push(
      'Write burst: "alone" writes are sent one at a time with nothing else running; "alone" reads run on the same connections just before the burst. ' +
        'Reads in the burst are those in flight at any time between sending the burst and its last answer. ' +
        'Stored: every write answered 201/200 in the round (warm-up, alone and burst), found in the database afterwards.\n',
    )
  }
  return sections.join('\n')
}
