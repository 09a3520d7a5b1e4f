import type { Payload, SanitizedConfig } from 'payload'

import fs from 'fs/promises'
import os from 'os'
import path from 'path'
import { getPayload } from 'payload'
import { afterAll, beforeAll } from 'vitest'

export type TestContext = {
  config: SanitizedConfig
  databaseFile: string
  payload: Payload
  shutdown: () => Promise<void>
}

export type BootOptions = { cron?: boolean }

/**
 * Boots the project's real Payload config on a new SQLite file in a temporary folder.
 * The environment is read when the config is imported, so this must run before any import of it.
 */
export const bootPayload = async ({ cron = false }: BootOptions = {}): Promise<TestContext> => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-test-'))
  const databaseFile = path.join(dir, 'test.db')
  process.env.DATABASE_URL = `file:${databaseFile}`
  process.env.PAYLOAD_SECRET ??= 'newsroom-test-secret'
  const { default: configPromise } = await import('@payload-config')
  const config = await configPromise
  const payload = await getPayload({ config, cron })
  return {
    config,
    databaseFile,
    payload,
    shutdown: async () => {
      await payload.destroy()
      await fs.rm(dir, { force: true, recursive: true })
    },
  }
}

/**
 * Boots Payload (see `bootPayload`) before the file's tests and shuts it down after them. The object
 * is filled in by that `beforeAll`: read it in later hooks and in tests, never at import time.
 */
export const useTestPayload = (options?: BootOptions): TestContext => {
  const ctx = {} as TestContext
  beforeAll(async () => {
    Object.assign(ctx, await bootPayload(options))
  })
  // Absent when the boot itself failed.
  afterAll(async () => ctx.shutdown?.())
  return ctx
}
