import type { BurstResult } from './burst'
import type { GraphqlWorstResult } from './graphqlWorst'
import type { Measurement } from './load'
import type { OriginCacheFill } from './originCache'
import type { LoadScenarioName } from './scenarios'
import type { StoredCheck } from './stored'

export type ScenarioResult = {
  baseline: Measurement[]
  /** What the comment scenario checks after each round: every 201 must be a stored comment. */
  comments?: StoredCheck[]
  label: string
  name: LoadScenarioName
  /** One measurement per round. */
  project: Measurement[]
}

export type SizeResult = {
  burst?: BurstResult
  /** Where the project ran: "sqlite", or "postgres · 1 instance", "postgres · 2 instances". */
  database: string
  /** Seconds each fill took; the baseline is filled only when a chosen scenario is compared with it. */
  fillSeconds: { baseline?: number; project: number }
  graphqlWorst?: GraphqlWorstResult
  /** The cached path's server once its origin cache was filled to its entry bound (SQLite, when a cached scenario ran). */
  originCacheFill?: OriginCacheFill
  published: number
  rows: { articles: number; comments: number }
  scenarios: ScenarioResult[]
}

/**
 * The round a scenario is reported by: the one with the most successful responses per second.
 * On a shared 2-core machine, noise from other work only ever slows a round down, so the best
 * round is the closest to what the code can do; errors are summed over all rounds instead.
 */
export const bestRound = (rounds: Measurement[]): Measurement | undefined =>
  rounds.reduce<Measurement | undefined>((best, round) => (!best || round.rate > best.rate ? round : best), undefined)

export const totalErrors = (rounds: Measurement[]): number => rounds.reduce((sum, round) => sum + round.errors, 0)
