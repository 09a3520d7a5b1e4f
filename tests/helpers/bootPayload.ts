import type { Payload, SanitizedConfig } from 'payload'

import fs from 'fs/promises'
import os from 'os'
import path from 'path'
import { getPayload } from 'payload'

export type TestContext = {
  config: SanitizedConfig
  databaseFile: string
  payload: Payload
  shutdown: () => Promise<void>
}

/**
 * Boots the project's real Payload config on a new SQLite file in a temporary folder.
 * The environment is read when the config is imported, so this must run before any import of it.
 */
export const bootPayload = async ({ cron = false }: { cron?: boolean } = {}): Promise<TestContext> => {
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
