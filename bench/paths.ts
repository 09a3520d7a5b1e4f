import path from 'path'
import { fileURLToPath } from 'url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const BASELINE_DIR = path.join(ROOT, 'bench', 'baseline')
export const RESULTS_FILE = path.join(ROOT, 'bench', 'results', 'latest.json')
export const CPU_PROFILE_DIR = path.join(ROOT, 'bench', 'results', 'cpu-profiles')
export const NEXT_BIN = path.join(ROOT, 'node_modules', '.bin', 'next')

/**
 * The V8 flags `npm start` gives the project's server (package.json, "start"; tests/bench/start.test.ts
 * checks they agree): the bench serves the project as its users do.
 */
export const PROJECT_NODE_OPTIONS = ['--max-old-space-size=512']

/**
 * The environment for the processes the bench starts, without what would change how they run:
 * NODE_ENV is set per process, and a leaked VITEST* variable makes Payload behave as under test.
 */
export const childEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }
  for (const name of Object.keys(env)) if (name === 'NODE_ENV' || name.startsWith('VITEST')) delete env[name]
  return { ...env, ...extra }
}
