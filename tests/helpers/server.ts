import { execFile } from 'child_process'
import fs from 'fs/promises'
import getPort from 'get-port'
import os from 'os'
import path from 'path'
import { promisify } from 'util'

import { type ProcessGroup, spawnGroup } from './processGroup'

export const root = path.resolve(__dirname, '../..')

/**
 * `npm run build` as a deployment runs it, with `env` added (what next.config.mjs reads, such as
 * REDIS_URL). Vitest sets NODE_ENV=test, and `next build` keeps any NODE_ENV it is given: inherited,
 * it would build React's development bundles and the headers of a test server.
 */
export const buildProduction = async (env: Record<string, string> = {}): Promise<void> => {
  await promisify(execFile)('npm', ['run', 'build'], { cwd: root, env: { ...process.env, ...env, NODE_ENV: 'production' }, maxBuffer: 64 * 1024 * 1024 })
}

export type ServerProcess = ProcessGroup & { port: number; url: string }

export type RunningServer = ServerProcess & { databaseFile: string }

type ServerOptions = {
  /** The DATABASE_URL to serve: a SQLite file or a PostgreSQL database, kept when the server stops. */
  databaseURL: string
  env?: Record<string, string | undefined>
  /** A port to reuse, e.g. the one a killed server had, so clients keep their base URL. */
  port?: number
}

/**
 * Starts `next start` (the production build) on a database, as the leader of its own process group
 * so that a signal reaches every process it spawned. Several may serve one PostgreSQL database.
 */
export const startServer = async ({ databaseURL, env = {}, port }: ServerOptions): Promise<ServerProcess> => {
  const listenPort = port ?? (await getPort({ host: '127.0.0.1' }))
  const url = `http://127.0.0.1:${listenPort}`
  const group = spawnGroup(path.join(root, 'node_modules/.bin/next'), ['start', '-p', String(listenPort), '-H', '127.0.0.1'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseURL,
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_ENV: 'production',
      SERVER_URL: url,
      ...env,
    },
  })
  return { ...group, port: listenPort, url }
}

/**
 * `startServer` on an existing or new SQLite file, which is kept when the server stops: tests that
 * kill a server start another on the same file.
 */
export const startServerOnDatabase = async ({
  databaseFile,
  ...options
}: Omit<ServerOptions, 'databaseURL'> & { databaseFile: string }): Promise<RunningServer> => ({
  ...(await startServer({ ...options, databaseURL: `file:${databaseFile}` })),
  databaseFile,
})

/** Starts `next start` on a free port with a new, empty SQLite database, removed when it stops. */
export const startProductionServer = async (env: Record<string, string | undefined> = {}): Promise<RunningServer> => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-prod-'))
  const server = await startServerOnDatabase({ databaseFile: path.join(dir, 'newsroom.db'), env })
  return {
    ...server,
    stop: async () => {
      await server.stop()
      await fs.rm(dir, { force: true, recursive: true })
    },
  }
}

/** Polls until the server answers, or its process ends. */
export const waitUntilServing = async (server: ServerProcess, timeoutMs = 60_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (server.process.exitCode !== null) throw new Error(`The server exited:\n${server.output()}`)
    try {
      const response = await fetch(`${server.url}/api/users/me`)
      if (response.status < 500) return
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  throw new Error(`The server did not answer within ${timeoutMs} ms:\n${server.output()}`)
}
