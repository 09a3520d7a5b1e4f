import { describe, expect, it } from 'vitest'

import { loadEnv, loadPayloadConfig, useEnvironment } from '../helpers/environment'

useEnvironment({ set: { PAYLOAD_SECRET: 'jobs-autorun-test-secret' }, unset: ['JOBS_AUTORUN', 'JOBS_AUTORUN_CRON'] })

describe('JOBS_AUTORUN', () => {
  it('defaults to true: one instance runs due jobs on JOBS_AUTORUN_CRON, as before the setting existed', async () => {
    process.env.JOBS_AUTORUN_CRON = '*/5 * * * * *'
    expect((await loadEnv()).env.jobsAutoRun).toBe(true)
    expect((await loadPayloadConfig()).jobs.autoRun).toEqual([{ cron: '*/5 * * * * *', queue: 'default' }])
  })

  it.each([
    ['true', true],
    [' TRUE ', true],
    ['false', false],
    ['False', false],
  ])('reads %j as %s', async (value, expected) => {
    process.env.JOBS_AUTORUN = value
    expect((await loadEnv()).env.jobsAutoRun).toBe(expected)
  })

  it('leaves the job runner out of the config when false, so that this instance never runs a job', async () => {
    process.env.JOBS_AUTORUN = 'false'
    expect((await loadPayloadConfig()).jobs.autoRun).toBeUndefined()
  })

  it('lets no one run the queue over HTTP, whatever the setting: that would be another runner', async () => {
    const { jobs } = await loadPayloadConfig()
    const run = jobs.access?.run
    expect(run).toBeTypeOf('function')
    expect(await run!({ req: { user: { collection: 'users', id: 1, role: 'admin' } } } as never)).toBe(false)
  })

  it.each(['yes', '1', 'off', 'b'])('refuses JOBS_AUTORUN=%s at start-up, naming the variable and the two values', async (value) => {
    process.env.JOBS_AUTORUN = value
    await expect(loadEnv()).rejects.toThrow(
      `JOBS_AUTORUN must be "true" (this instance runs due jobs) or "false" (another instance, or \`npm run jobs\`, runs them), not "${value}".`,
    )
  })
})
