import type { Measurement } from './load'
import type { ScenarioResult, SizeResult } from './results'

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
export const formatTable = (sizes: SizeResult[], rounds: number): string => {
  const smallest = sizes[0]
  const header = [
    'scenario',
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
    `req/s vs ${count(smallest.published)} (project · baseline)`,
  ]
  const rows: string[][] = [header]
  for (const { label, name } of smallest.scenarios) {
    for (const size of sizes) {
      const scenario = size.scenarios.find((item) => item.name === name)
      if (!scenario) continue
      const first = smallest.scenarios.find((item) => item.name === name)
      const hasBaseline = scenario.baseline.length > 0
      const growth =
        size === smallest
          ? ''
          : `${ratio(rate(scenario.project) / rate(first?.project))}${hasBaseline ? ` · ${ratio(rate(scenario.baseline) / rate(first?.baseline))}` : ''}`
      rows.push([
        scenario.comments ? `${label} (accepted/s)` : label,
        count(size.published),
        ...side(scenario.project).map((cell, column) => (column === 3 ? errorsCell(scenario) : cell)),
        ...side(scenario.baseline),
        hasBaseline ? ratio(rate(scenario.project) / rate(scenario.baseline)) : '',
        growth,
      ])
    }
  }
  const notes = [
    `Best of ${rounds} round(s) per scenario and side, by successful responses per second; errors (non-2xx and socket errors) are summed over all rounds.`,
    'RSS is the peak resident memory of the server process tree while measured. Baseline: bare Payload, same collections and data, no access rules, hooks, custom indexes or plugin.',
  ]
  return `${render(rows)}\n\n${notes.join('\n')}\n`
}
