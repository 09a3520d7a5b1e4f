import { spawn } from 'child_process'
import fs from 'fs/promises'
import path from 'path'

import { ROOT, childEnv } from './paths'

export type FillScript = 'fillBaseline.ts' | 'fillProject.ts'
/** Scripts run on a scratch database in a process of their own: `<database URL> <published articles>`. */
export type DatabaseScript = FillScript | 'stepsMeasure.ts'

/** Node's exit code for a top-level await that never settled. */
const UNSETTLED_AWAIT = 13
const ATTEMPTS = 3
const TIMEOUT_MS = 15 * 60_000

export const runDatabaseScript = (
  script: DatabaseScript,
  databaseURL: string,
  published: number,
): Promise<{ code: null | number; output: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join('bench', script), databaseURL, String(published)],
      {
        cwd: ROOT,
        env: childEnv({ DATABASE_URL: databaseURL, PAYLOAD_SECRET: 'newsroom-bench-secret' }),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS)
    child.on('error', reject)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })

/**
 * A SQLite file is removed before a fill starts again. A PostgreSQL database is left as it is: the
 * early exit comes while modules load, before the fill connects to it.
 */
const removeDatabase = async (url: string) => {
  if (!url.startsWith('file:')) return
  const file = url.slice('file:'.length)
  await Promise.all(['', '-wal', '-shm', '-journal'].map((suffix) => fs.rm(`${file}${suffix}`, { force: true })))
}

/**
 * Runs a fill script in its own process (each loads its own Payload config, which reads
 * DATABASE_URL as it loads) and returns the seconds it took; its output is shown only if it fails.
 * Under heavy load the child sometimes exits at once with code 13 while tsx is still loading the
 * config's modules (seen on Node 20); a fill is deterministic, so it is then started again afresh.
 */
export const fill = async (script: FillScript, databaseURL: string, published: number): Promise<number> => {
  for (let attempt = 1; ; attempt++) {
    const began = performance.now()
    const { code, output } = await runDatabaseScript(script, databaseURL, published)
    if (code === 0) return (performance.now() - began) / 1000
    if (code !== UNSETTLED_AWAIT || attempt === ATTEMPTS) {
      throw new Error(`bench/${script} exited with ${code ?? 'a signal (timed out?)'}:\n${output.slice(-8000)}`)
    }
    console.error(
      `[bench] bench/${script} exited with code 13 while loading its modules; starting it again (${attempt + 1}/${ATTEMPTS})`,
    )
    await removeDatabase(databaseURL)
  }
}
