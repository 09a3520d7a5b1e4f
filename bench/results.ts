import type { Measurement } from './load'
import type { ScenarioName } from './scenarios'

/** What the comment scenario checks after each round: every 201 must be a stored comment. */
export type CommentCheck = { accepted: number; lost: number; stored: number }

export type ScenarioResult = {
  baseline: Measurement[]
  comments?: CommentCheck[]
  label: string
  name: ScenarioName
  /** One measurement per round. */
  project: Measurement[]
}

export type SizeResult = {
  fillSeconds: { baseline: number; project: number }
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
