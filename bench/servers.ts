import { type ChildProcess, spawn } from 'child_process'
import getPort from 'get-port'
import path from 'path'

import { stopGroup } from '../tests/helpers/processGroup'
import { NEXT_BIN, PROJECT_NODE_OPTIONS, ROOT, childEnv } from './paths'

export type RunningServer = {
  label: string
  /** Last lines the server wrote, for reports of errors. */
  output: () => string
  pid: number
  stop: () => Promise<void>
  url: string
}

const OUTPUT_LIMIT = 64 * 1024

/** Polls a cheap read until the server answers it, or its process ends. */
const waitUntilServing = async (server: RunningServer, child: ChildProcess, timeoutMs = 120_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${server.label} exited while starting:\n${server.output()}`)
    try {
      const response = await fetch(`${server.url}/api/articles?depth=0&limit=1`)
      if (response.ok) return
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`${server.label} did not answer within ${timeoutMs / 1000} s:\n${server.output()}`)
}

export type ServerOptions = {
  /** The Next.js app folder (the repository root for the project). */
  appDir: string
  /** A `file:` URL of a SQLite file or a `postgres://` URL. */
  databaseURL: string
  env?: Record<string, string>
  label: string
  /** Options for node itself (`--cpu-prof`), which NODE_OPTIONS may not carry. */
  nodeOptions?: string[]
}

/** `next start` on a free loopback port, NODE_ENV=production, on the given database. */
export const startServer = async ({
  appDir,
  databaseURL,
  env = {},
  label,
  nodeOptions = [],
}: ServerOptions): Promise<RunningServer> => {
  const port = await getPort({ host: '127.0.0.1' })
  const url = `http://127.0.0.1:${port}`
  const app = appDir === ROOT ? [] : [path.relative(ROOT, appDir)]
  const node = appDir === ROOT ? [...PROJECT_NODE_OPTIONS, ...nodeOptions] : nodeOptions
  const args = [...node, NEXT_BIN, 'start', ...app, '-p', String(port), '-H', '127.0.0.1']
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    // Its own process group, so that stopping it also stops any worker it started.
    detached: true,
    env: childEnv({
      DATABASE_URL: databaseURL,
      NODE_ENV: 'production',
      PAYLOAD_SECRET: 'newsroom-bench-secret',
      SERVER_URL: url,
      ...env,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-OUTPUT_LIMIT))
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const server: RunningServer = {
    label,
    output: () => output,
    pid: child.pid!,
    stop: () => stopGroup(child),
    url,
  }
  try {
    await waitUntilServing(server, child)
  } catch (error) {
    await server.stop()
    throw error
  }
  return server
}
