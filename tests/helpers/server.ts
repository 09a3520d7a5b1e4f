import { type ChildProcess, spawn } from 'child_process'
import fs from 'fs/promises'
import net from 'net'
import os from 'os'
import path from 'path'

export const root = path.resolve(__dirname, '../..')

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })

export type RunningServer = {
  databaseFile: string
  output: () => string
  process: ChildProcess
  stop: () => Promise<void>
  url: string
}

/** Starts `next start` (the production build) on a free port with a new, empty SQLite database. */
export const startProductionServer = async (env: Record<string, string | undefined> = {}): Promise<RunningServer> => {
  const port = await freePort()
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-prod-'))
  const databaseFile = path.join(dir, 'newsroom.db')
  const url = `http://127.0.0.1:${port}`
  let output = ''
  const child = spawn(path.join(root, 'node_modules/.bin/next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: `file:${databaseFile}`,
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_ENV: 'production',
      SERVER_URL: url,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM')
      await new Promise((resolve) => child.once('exit', resolve))
    }
    await fs.rm(dir, { force: true, recursive: true })
  }
  return { databaseFile, output: () => output, process: child, stop, url }
}

/** Polls until the server answers, or its process ends. */
export const waitUntilServing = async (server: RunningServer, timeoutMs = 60_000): Promise<void> => {
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
