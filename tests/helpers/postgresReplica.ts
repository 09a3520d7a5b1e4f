import { type ChildProcess, execFile, execFileSync, spawn } from 'child_process'
import fs from 'fs'
import getPort from 'get-port'
import os from 'os'
import path from 'path'
import pg from 'pg'
import { setTimeout as sleep } from 'timers/promises'
import { promisify } from 'util'
import { afterAll, beforeAll } from 'vitest'

import type { ScratchDatabase } from './testDatabase'

const run = promisify(execFile)

export type ReplicatedPostgres = {
  /** The application's database on the primary, as `bootPayload({ database })` takes it. */
  database: ScratchDatabase
  /** The same database on the streaming replica, for DATABASE_REPLICA_URLS. */
  replicaURL: string
  /** Stops applying the primary's WAL on the replica, so it keeps the data it has until `resumeReplay`. */
  pauseReplay: () => Promise<void>
  resumeReplay: () => Promise<void>
  /** Resolves once the replica has applied everything the primary had written when it was called. */
  waitForReplica: () => Promise<void>
  stop: () => Promise<void>
}

const DATABASE = 'newsroom'

// Monitoring connections say who they are, so that they stand apart from the application's in the servers' views.
const TEST_CLIENT = 'newsroom-replica-test'

const binDir = async (): Promise<string> => {
  try {
    return (await run('pg_config', ['--bindir'])).stdout.trim()
  } catch {
    return '/usr/lib/postgresql/15/bin'
  }
}

/** PostgreSQL refuses to run as root: as root, its programs run as the `postgres` account. */
const asServerUser = (command: string, args: string[]): [string, string[]] =>
  process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]

const serverSettings = (port: number, dir: string): string => `
listen_addresses = '127.0.0.1'
port = ${port}
unix_socket_directories = '${dir}'
wal_level = replica
max_wal_senders = 4
hot_standby = on
max_connections = 60
shared_buffers = 16MB
# A throwaway test server: durability is not wanted, speed is.
fsync = off
full_page_writes = off
`

// The whole loopback is trusted, for queries and for the replica's replication connection.
const HBA = `local all all trust
local replication all trust
host all all 127.0.0.1/32 trust
host replication all 127.0.0.1/32 trust
`

const poll = async (what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await sleep(50)
  }
}

const connect = async (port: number, database = 'postgres'): Promise<pg.Client> => {
  const client = new pg.Client({ application_name: TEST_CLIENT, database, host: '127.0.0.1', port, user: 'postgres' })
  await client.connect()
  return client
}

const value = async <T>(client: pg.Client, statement: string, params: unknown[] = []): Promise<T> =>
  Object.values((await client.query(statement, params)).rows[0] ?? {})[0] as T

/** A temporary folder for the servers, owned by the account they run as. */
const makeServerFolder = (): string => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-replica-'))
  if (process.getuid?.() === 0) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString())
    fs.chownSync(root, id('-u'), id('-g'))
  }
  return root
}

/**
 * Vitest ends a worker with SIGTERM, which runs no 'exit' listener, and the servers run as daemons:
 * a watchdog of their own runs the stop commands and removes the folder once this process is gone.
 */
const startWatchdog = (root: string, stopCommands: [string, string[]][]): ChildProcess => {
  const stops = stopCommands.map((command) => command.flat().join(' ')).join('; ')
  const watchdog = spawn('sh', ['-c', `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; ${stops}; rm -rf ${root}`], {
    detached: true,
    stdio: 'ignore',
  })
  watchdog.unref()
  return watchdog
}

/**
 * Starts a PostgreSQL primary and a streaming replica of it (`pg_basebackup -R`) of its own, on free
 * ports with a temporary folder: the machine's server is never touched (it allows no replication).
 * Both are stopped and the folder removed by `stop`, or by a watchdog when the process ends without it.
 */
export const startReplicatedPostgres = async (): Promise<ReplicatedPostgres> => {
  const bin = await binDir()
  const root = makeServerFolder()
  const primaryDir = path.join(root, 'primary')
  const replicaDir = path.join(root, 'replica')
  const logOf = (dir: string) => `${dir}.log`
  const readLogs = () =>
    [primaryDir, replicaDir].map((dir) => (fs.existsSync(logOf(dir)) ? fs.readFileSync(logOf(dir), 'utf8') : '')).join('\n')
  const pgCtl = (dir: string, ...args: string[]) => asServerUser(path.join(bin, 'pg_ctl'), ['-D', dir, ...args])
  const exec = async ([command, args]: [string, string[]]) => {
    await run(command, args, { cwd: root })
  }
  const stopServers = async () => {
    for (const dir of [replicaDir, primaryDir]) {
      if (fs.existsSync(path.join(dir, 'postmaster.pid'))) await exec(pgCtl(dir, 'stop', '-m', 'immediate', '-w')).catch(() => undefined)
    }
    fs.rmSync(root, { force: true, recursive: true })
  }
  const watchdog = startWatchdog(root, [replicaDir, primaryDir].map((dir) => pgCtl(dir, 'stop', '-m', 'immediate')))
  const stopAll = async () => {
    watchdog.kill()
    await stopServers()
  }
  const clients: pg.Client[] = []
  const endClients = () => Promise.all(clients.map((client) => client.end().catch(() => undefined)))

  try {
    const [primaryPort, replicaPort] = [await getPort({ host: '127.0.0.1' }), await getPort({ host: '127.0.0.1' })]
    await exec(asServerUser(path.join(bin, 'initdb'), ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']))
    fs.appendFileSync(path.join(primaryDir, 'postgresql.conf'), serverSettings(primaryPort, root))
    fs.writeFileSync(path.join(primaryDir, 'pg_hba.conf'), HBA)
    await exec(pgCtl(primaryDir, 'start', '-w', '-l', logOf(primaryDir)))
    const primary = await connect(primaryPort)
    clients.push(primary)
    await primary.query(`CREATE DATABASE ${DATABASE}`)

    // -R writes standby.signal and primary_conninfo; the copied settings keep the primary's port until overridden.
    await exec(
      asServerUser(path.join(bin, 'pg_basebackup'), [
        '-D', replicaDir, '-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-R', '-X', 'stream', '--checkpoint=fast', '--no-sync',
      ]),
    )
    fs.appendFileSync(path.join(replicaDir, 'postgresql.conf'), `port = ${replicaPort}\n`)
    await exec(pgCtl(replicaDir, 'start', '-w', '-l', logOf(replicaDir)))
    const replica = await connect(replicaPort, DATABASE)
    clients.push(replica)

    await poll('the replica to stream from the primary', async () =>
      (await value<boolean>(replica, 'SELECT pg_is_in_recovery()')) &&
      (await value<string>(replica, 'SELECT status FROM pg_stat_wal_receiver')) === 'streaming' &&
      Number(await value<string>(primary, "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")) === 1,
    )

    const waitForReplica = async () => {
      const written = await value<string>(primary, 'SELECT pg_current_wal_lsn()')
      await poll('the replica to catch up', async () =>
        Number(await value<string>(replica, 'SELECT pg_wal_lsn_diff(pg_last_wal_replay_lsn(), $1)', [written])) >= 0,
      )
    }
    const stop = async () => {
      await endClients()
      await stopAll()
    }
    const url = (port: number) => `postgres://postgres@127.0.0.1:${port}/${DATABASE}`
    return {
      database: { drop: async () => undefined, url: url(primaryPort) },
      pauseReplay: async () => {
        await replica.query('SELECT pg_wal_replay_pause()')
        await poll('replay to pause', async () => (await value<string>(replica, 'SELECT pg_get_wal_replay_pause_state()')) === 'paused')
      },
      replicaURL: url(replicaPort),
      resumeReplay: async () => {
        await replica.query('SELECT pg_wal_replay_resume()')
      },
      stop,
      waitForReplica,
    }
  } catch (error) {
    await endClients()
    const logs = readLogs()
    await stopAll()
    throw new Error(`The replicated PostgreSQL servers did not start: ${(error as Error).message}\n${logs}`, { cause: error })
  }
}

/**
 * Starts a primary and its replica (see `startReplicatedPostgres`) before the file's tests and stops
 * them after. Call it before `useTestPayload`-style boots, whose shutdown must come first.
 */
export const useReplicatedPostgres = (): ReplicatedPostgres => {
  const servers = {} as ReplicatedPostgres
  beforeAll(async () => {
    Object.assign(servers, await startReplicatedPostgres())
  })
  // Absent when the servers did not start.
  afterAll(async () => servers.stop?.())
  return servers
}
