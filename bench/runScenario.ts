import type { BenchDatabase } from './database'
import type { DatabaseCPU, Measurement } from './load'
import type { BenchOptions } from './options'
import type { ScenarioResult } from './results'
import type { RequestContext, Scenario, Side } from './scenarios'
import type { RunningServer } from './servers'
import type { Targets } from './targets'

import { log, n } from './lifecycle'
import { measure } from './load'
import { checkStoredComments } from './stored'

const cpu = (m: Measurement): string =>
  `CPU per response ${m.serverCPUMsPerResponse.toFixed(1)} ms server` +
  (m.databaseCPUMsPerResponse === undefined ? '' : ` + ${m.databaseCPUMsPerResponse.toFixed(1)} ms database`)

export const describeMeasurement = (m: Measurement): string =>
  `${n(m.rate)} req/s, p50 ${n(m.p50)} ms, p99 ${n(m.p99)} ms, ${n(m.errors)} errors, RSS ${n(m.peakRSSBytes / 1024 / 1024)} MB, ${n(m.meanResponseBytes)} bytes per response, ${cpu(m)}, load ${m.loadAverage.toFixed(2)}`

/** The project's instances (one, or several sharing the load); the baseline only when a chosen scenario is compared with it. */
export type Servers = { baseline?: RunningServer; project: RunningServer[] }

export type RunContext = {
  database: BenchDatabase
  /** The database's server processes, whose CPU each project run also reports (PostgreSQL). */
  databaseCPU?: DatabaseCPU
  /** Names the run in the progress lines: "20,000 articles", "postgres · 2 instances". */
  label: string
  options: BenchOptions
  servers: Servers
  targets: Targets
}

/** Every round of one scenario, alternating the project and the baseline; comment submissions are checked against the database. */
export const runScenario = async (
  scenario: Scenario,
  { database, databaseCPU, label, options, servers, targets }: RunContext,
): Promise<ScenarioResult> => {
  const result: ScenarioResult = { baseline: [], label: scenario.label, name: scenario.name, project: [] }
  if (scenario.writes) result.comments = []
  const sides: Side[] = scenario.comparesWithBaseline && servers.baseline ? ['project', 'baseline'] : ['project']
  for (let round = 1; round <= options.rounds; round++) {
    for (const side of sides) {
      const chosen = side === 'project' ? servers.project : [servers.baseline!]
      const context: RequestContext = { accepted: [], side, targets }
      const measurement = await measure(chosen, scenario.request(context), options, side === 'project' ? databaseCPU : undefined)
      result[side].push(measurement)
      log(`${label} · ${scenario.name} · ${side} round ${round}/${options.rounds}: ${describeMeasurement(measurement)}`)
      if (scenario.writes) {
        const check = await checkStoredComments(database, context.accepted)
        result.comments!.push(check)
        log(
          `  ${n(check.accepted)} comments accepted (warm-up included), ${n(check.stored)} stored, ${n(check.lost)} lost; status codes ${JSON.stringify(measurement.statusCodes)}`,
        )
      }
      if (measurement.status5xx > 0) {
        for (const server of chosen)
          log(`  ${server.label} answered 5xx? Its last output:\n${server.output().slice(-4000)}`)
      }
    }
  }
  return result
}
