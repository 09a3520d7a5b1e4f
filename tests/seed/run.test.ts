import { execFile } from 'child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestContext } from '../helpers/bootPayload'

type Result = { code: number; output: string }

/** The test's environment minus what vitest adds (NODE_ENV=test, VITEST_*): a developer's shell has neither. */
const developerShell = (): NodeJS.ProcessEnv => {
  const env = { ...process.env }
  for (const name of Object.keys(env)) if (name === 'NODE_ENV' || name.startsWith('VITEST')) delete env[name]
  return env
}

/** Runs an npm script the way a developer does, against the test's database. */
const npmRun = (args: string[], env: Record<string, string> = {}): Promise<Result> =>
  new Promise((resolve) => {
    execFile('npm', ['run', ...args], { env: { ...developerShell(), ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` })
    })
  })

let ctx: TestContext

beforeAll(async () => {
  // bootPayload points DATABASE_URL at a fresh file, which the child process inherits.
  ctx = await bootPayload()
})
afterAll(async () => ctx?.shutdown())

describe('npm run seed', () => {
  // Each run starts npm, tsx and Payload in a child process, which is slow on a busy machine.
  it('refuses to run in production, before touching the database', { timeout: 120_000 }, async () => {
    const { code, output } = await npmRun(['seed'], { NODE_ENV: 'production' })
    expect(code).toBe(1)
    expect(output).toContain('Refusing to seed')
    expect((await ctx.payload.count({ collection: 'users' })).totalDocs).toBe(0)
  })

  it('skips a database that has users with --if-empty, as `npm run dev` runs it', { timeout: 120_000 }, async () => {
    await ctx.payload.create({
      collection: 'users',
      data: { name: 'Site Owner', email: 'owner@example.com', password: 'owner-password-1234', role: 'admin' },
    })
    const { code, output } = await npmRun(['seed', '--', '--', '--if-empty'])
    expect(code, output).toBe(0)
    expect((await ctx.payload.count({ collection: 'users' })).totalDocs).toBe(1)
    expect((await ctx.payload.count({ collection: 'articles' })).totalDocs).toBe(0)
  })
})
