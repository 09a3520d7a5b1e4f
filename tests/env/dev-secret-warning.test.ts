import { execFile } from 'child_process'
import path from 'path'
import { pathToFileURL } from 'url'
import { promisify } from 'util'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { developerShell } from '../helpers/developerShell'
import { loadEnv } from '../helpers/environment'

const root = path.resolve(__dirname, '../..')
const WARNING = 'PAYLOAD_SECRET is not set: using the fixed development secret.'


/** Evaluates src/env.ts in a child process started with `env`; resolves to what it printed. */
const loadEnvInChild = async (env: NodeJS.ProcessEnv): Promise<string> => {
  const script = `await import(${JSON.stringify(pathToFileURL(path.join(root, 'src/env.ts')).href)})`
  const { stderr, stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script],
    {
      cwd: root,
      env,
    },
  )
  return `${stdout}${stderr}`
}

const count = (output: string): number => output.split(WARNING).length - 1

let saved: NodeJS.ProcessEnv

beforeEach(() => {
  saved = { ...process.env }
  delete process.env.PAYLOAD_SECRET
})
afterEach(() => {
  process.env = saved
  vi.restoreAllMocks()
})

describe('src/env.ts development-secret warning', () => {
  it('prints once however often the module is evaluated in one process', async () => {
    const { WARNED_VARIABLE } = await loadEnv()
    delete process.env[WARNED_VARIABLE]
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)

    for (let load = 0; load < 3; load++) expect((await loadEnv()).env.secret).toBeTruthy()

    expect(warn.mock.calls).toEqual([[`[newsroom] ${WARNING}`]])
  })

  it(
    'stays quiet in processes started after it printed, and still prints in an unrelated one',
    { timeout: 60_000 },
    async () => {
      const { WARNED_VARIABLE } = await loadEnv()
      delete process.env[WARNED_VARIABLE]
      vi.spyOn(console, 'warn').mockImplementation(() => undefined)
      await loadEnv()

      expect(count(await loadEnvInChild(developerShell()))).toBe(0)
      const unrelated = developerShell()
      delete unrelated[WARNED_VARIABLE]
      expect(count(await loadEnvInChild(unrelated))).toBe(1)
    },
  )
})
