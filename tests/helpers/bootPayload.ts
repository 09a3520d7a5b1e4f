import type { Payload, SanitizedConfig } from 'payload'

import { getPayload } from 'payload'
import { afterAll, beforeAll, vi } from 'vitest'

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
  /** The database to boot on (a server the suite started, or one it made); by default a new scratch one of the test dialect, dropped at shutdown. */
  database?: ScratchDatabase
  /**
   * Payload's instance key (`getPayload`'s `key`), for several instances in one file. The config is
   * then loaded afresh: it reads DATABASE_URL when imported, and Payload marks the objects it sanitises.
   */
  key?: string
}

/**
 * Boots the project's real Payload config on a new database: a SQLite file in a temporary folder,
 * or a scratch PostgreSQL database when TEST_DATABASE=postgres, dropped at shutdown.
 * The environment is read when the config is imported, so this must run before any import of it.
 */
export const bootPayload = async ({ cron = false, database: given, key }: BootOptions = {}): Promise<TestContext> => {
  const database = given ?? (await createScratchDatabase())
  process.env.DATABASE_URL = database.url
  process.env.PAYLOAD_SECRET ??= 'newsroom-test-secret'
  if (key !== undefined) vi.resetModules()
  const { default: configPromise } = await import('@payload-config')
  const config = await configPromise
  const payload = await getPayload({ config, cron, key }).catch(async (error: unknown) => {
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
