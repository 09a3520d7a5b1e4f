import type { Payload, SanitizedConfig } from 'payload'

import { getPayload } from 'payload'
import { afterAll, beforeAll } from 'vitest'

import { closeAndDrop, createScratchDatabase, type ScratchDatabase } from './testDatabase'

export type TestContext = {
  config: SanitizedConfig
  /** The SQLite file; undefined on PostgreSQL (TEST_DATABASE=postgres). */
  databaseFile?: string
  payload: Payload
  shutdown: () => Promise<void>
}

export type BootOptions = {
  cron?: boolean
  /** A database made by the suite itself (a server it started); by default a new scratch database. */
  database?: ScratchDatabase
}

/**
 * Boots the project's real Payload config on a new database: a SQLite file in a temporary folder,
 * or a scratch PostgreSQL database when TEST_DATABASE=postgres, dropped at shutdown.
 * The environment is read when the config is imported, so this must run before any import of it.
 */
export const bootPayload = async ({ cron = false, ...options }: BootOptions = {}): Promise<TestContext> => {
  const database = options.database ?? (await createScratchDatabase())
  process.env.DATABASE_URL = database.url
  process.env.PAYLOAD_SECRET ??= 'newsroom-test-secret'
  const { default: configPromise } = await import('@payload-config')
  const config = await configPromise
  const payload = await getPayload({ config, cron }).catch(async (error: unknown) => {
    await database.drop()
    throw error
  })
  return {
    config,
    databaseFile: database.file,
    payload,
    shutdown: () => closeAndDrop(payload, database),
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
