import { existsSync } from 'fs'
import fs from 'fs/promises'
import os from 'os'
import path from 'path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { root, type RunningServer, startServerOnDatabase, waitUntilServing } from '../helpers/server'
import { bootstrap, type Outcome, runLoad, VERIFIED_KINDS } from './load'
import { describeLost, formatTable, serverErrorMessages, serverLogErrors, summarize } from './report'
import { checkStored, integrityCheck, type Verdict } from './verify'

const DURATION_MS = Number(process.env.INTEGRITY_DURATION_S || 20) * 1000

const SERVER_ENV = {
  // Scheduled publishing runs every second: the job runner writes alongside the load.
  JOBS_AUTORUN_CRON: '* * * * * *',
  PAYLOAD_SECRET: 'integrity-test-secret',
  // Each simulated reader is named by X-Forwarded-For, as behind one proxy.
  TRUST_PROXY: '1',
}

let dir: string
const servers: RunningServer[] = []

const serve = async (databaseFile: string, port?: number): Promise<RunningServer> => {
  const server = await startServerOnDatabase({ databaseFile, env: SERVER_ENV, port })
  servers.push(server)
  await waitUntilServing(server)
  return server
}

beforeAll(async () => {
  if (!existsSync(path.join(root, '.next/BUILD_ID')))
    throw new Error('No production build in .next: run `npm run build` first.')
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-integrity-'))
})
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()))
  if (dir) await fs.rm(dir, { force: true, recursive: true })
})

const report = (
  title: string,
  outcomes: Outcome[],
  verdicts: Map<Outcome, Verdict>,
  log: string,
  notes: string[] = [],
) => {
  const summary = summarize(outcomes, verdicts)
  const sections = [
    `${title}, ${DURATION_MS / 1000} s`,
    ...notes,
    formatTable([...summary.rows, summary.total]),
    '5xx answers:',
    ...serverErrorMessages(outcomes)
      .map((line) => `  ${line}`)
      .concat(summary.total.serverErrorCount ? [] : ['  none']),
  ]
  const lost = describeLost(verdicts)
  if (lost.length) sections.push('Not in the database (first 10):', ...lost.map((line) => `  ${line}`))
  const logErrors = serverLogErrors(log)
  if (logErrors.length)
    sections.push('Server log errors (distinct, most frequent first):', ...logErrors.map((line) => `  ${line}`))
  console.log(sections.join('\n'))
  return summary
}

/** The load must have written something of every kind, or "nothing lost" would prove nothing. */
const expectEveryWriteKindAcknowledged = (outcomes: Outcome[]) => {
  const unwritten = VERIFIED_KINDS.filter(
    (kind) => !outcomes.some((outcome) => outcome.kind === kind && outcome.expected),
  )
  expect(unwritten, 'write kinds never acknowledged').toEqual([])
}

describe('write integrity (next start on SQLite, under concurrent load)', () => {
  it(
    'stores every write it acknowledged, and answers no 5xx, under a mixed load',
    async () => {
      const server = await serve(path.join(dir, 'steady.db'))
      const fixtures = await bootstrap(server.url, 'Steady')
      const { outcomes, workers } = await runLoad({
        baseURL: server.url,
        durationMs: DURATION_MS,
        fixtures,
        label: 'Steady',
      })
      await server.stop()

      const verdicts = await checkStored(server.databaseFile, outcomes)
      const { total } = report(`Run 1, no kill, ${workers} workers`, outcomes, verdicts, server.output())
      expectEveryWriteKindAcknowledged(outcomes)
      expect({ lost: total.lost, serverErrors: total.serverErrorCount }).toEqual({ lost: 0, serverErrors: 0 })
    },
    DURATION_MS + 120_000,
  )

  it(
    'keeps every write acknowledged before and after a kill -9, in an intact file, once restarted',
    async () => {
      const databaseFile = path.join(dir, 'killed.db')
      const first = await serve(databaseFile)
      const fixtures = await bootstrap(first.url, 'Killed')
      let killedAt = 0
      let restarted: RunningServer | undefined
      const { outcomes, workers } = await runLoad({
        baseURL: first.url,
        durationMs: DURATION_MS,
        fixtures,
        label: 'Killed',
        midway: async () => {
          killedAt = Date.now()
          await first.kill()
          // Same file, same port: clients keep their URL and tokens, as after a supervisor restart.
          restarted = await serve(databaseFile, first.port)
        },
      })
      await restarted!.stop()

      const integrity = await integrityCheck(databaseFile)
      const verdicts = await checkStored(databaseFile, outcomes)
      const beforeKill = outcomes.filter((outcome) => outcome.expected && outcome.at < killedAt)
      const afterRestart = outcomes.filter((outcome) => outcome.expected && outcome.at > killedAt)
      const { total } = report(
        `Run 2, kill -9 halfway, restart on the same file, ${workers} workers`,
        outcomes,
        verdicts,
        first.output() + restarted!.output(),
        [
          `killed by ${first.process.signalCode}; integrity_check: ${integrity.join(', ')}`,
          `verified writes acknowledged before the kill: ${beforeKill.length}, after the restart: ${afterRestart.length}`,
        ],
      )
      expect(first.process.signalCode).toBe('SIGKILL')
      expect(beforeKill.length).toBeGreaterThan(0)
      expect(afterRestart.length).toBeGreaterThan(0)
      expectEveryWriteKindAcknowledged(outcomes)
      expect({ integrity, lost: total.lost }).toEqual({ integrity: ['ok'], lost: 0 })
    },
    DURATION_MS + 150_000,
  )
})
