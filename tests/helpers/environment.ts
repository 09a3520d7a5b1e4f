import { afterEach, beforeEach, vi } from 'vitest'

/** Evaluates src/env.ts afresh with the environment as it is now, as each new process (or bundle) does. */
export const loadEnv = async () => {
  vi.resetModules()
  return import('@/env')
}

/** The project's sanitised Payload config, built afresh from the environment as it is now. */
export const loadPayloadConfig = async () => {
  vi.resetModules()
  return (await import('@payload-config')).default
}

/** Evaluates next.config.mjs afresh, as `next build` and `next start` each do. */
export const loadNextConfig = async () => {
  vi.resetModules()
  return (await import('../../next.config.mjs')).default
}

/**
 * Each test of the file starts from the process's environment without `unset` and with `set`,
 * and the environment is put back after it: tests change `process.env` freely.
 */
export const useEnvironment = ({ set = {}, unset = [] }: { set?: Record<string, string>; unset?: string[] }): void => {
  let saved: NodeJS.ProcessEnv
  beforeEach(() => {
    saved = { ...process.env }
    for (const name of unset) delete process.env[name]
    Object.assign(process.env, set)
  })
  afterEach(() => {
    process.env = saved
  })
}
