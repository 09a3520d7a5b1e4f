import type { CollectionConfig } from 'payload'

const COVERAGE = Symbol.for('payload-plugin-public-reads.coverage')

/** What one of the plugin's hooks does, so a test can check the policy from the built config. */
export type HookCoverage =
  | { kind: 'clamp' }
  | { kind: 'guard'; paths: string[] }
  | { kind: 'hide'; paths: string[] }
  | { kind: 'signal' }

/** Marks a hook with what it covers; the function itself is returned. */
export const markCoverage = <T extends object>(hook: T, coverage: HookCoverage): T => Object.assign(hook, { [COVERAGE]: coverage })

const coverageOf = (hooks: unknown[] | undefined): HookCoverage[] =>
  (hooks ?? []).flatMap((hook) => {
    const coverage = (hook as { [COVERAGE]?: HookCoverage } | undefined)?.[COVERAGE]
    return coverage ? [coverage] : []
  })

const pathsOf = (coverages: HookCoverage[], kind: 'guard' | 'hide'): string[] =>
  coverages.flatMap((coverage) => (coverage.kind === kind ? coverage.paths : []))

/**
 * What the policy covers in one collection, read from the hooks it actually holds (a built,
 * sanitized config included): whether reads are clamped, which relation paths have their
 * filters guarded and their unreadable ids hidden, and whether changes are signalled.
 */
export const publicReadsCoverage = ({ hooks }: Pick<CollectionConfig, 'hooks'>) => {
  const beforeOperation = coverageOf(hooks?.beforeOperation)
  const signalled = (list: unknown[] | undefined) => coverageOf(list).some(({ kind }) => kind === 'signal')
  return {
    clamped: beforeOperation.some(({ kind }) => kind === 'clamp'),
    guarded: pathsOf(beforeOperation, 'guard'),
    hidden: pathsOf(coverageOf(hooks?.afterRead), 'hide'),
    signalled: signalled(hooks?.afterChange) && signalled(hooks?.afterDelete),
  }
}
