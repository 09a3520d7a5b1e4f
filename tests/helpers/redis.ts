import { Redis } from 'ioredis'
import { afterAll, beforeAll } from 'vitest'

/** Where the Redis suite (`npm run test:redis`) expects a server; REDIS_TEST_URL overrides it. */
export const REDIS_TEST_SERVER = (process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379').replace(/\/\d*$/, '')

/** Marks a database as the suite's own, so a leftover from an interrupted run may be emptied. */
const MARKER = 'newsroom:test-suite'

/**
 * A Redis database of its own for the running test file: `db` when given (the cluster suite's 13),
 * otherwise 15 for the first worker and 14 for the second (vitest.redis.config.ts runs two at a
 * time), far from the 0 applications use by default. It must be empty, or hold only what an earlier
 * run of these suites left; it is emptied after.
 */
export const useRedisDatabase = (db = 16 - Number(process.env.VITEST_POOL_ID ?? 1)): { url: string } => {
  const url = `${REDIS_TEST_SERVER}/${db}`
  const admin = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 })
  beforeAll(async () => {
    const keys = await admin.dbsize()
    if (keys > 0 && !(await admin.exists(MARKER))) {
      throw new Error(`Redis database ${db} at ${REDIS_TEST_SERVER} holds ${keys} keys this suite did not write: empty it or set REDIS_TEST_URL.`)
    }
    await admin.flushdb()
    await admin.set(MARKER, '1')
  })
  afterAll(async () => {
    await admin.flushdb()
    admin.disconnect()
  })
  return { url }
}

/** A connection of a test's own, closed after the file. */
export const connections = () => {
  const opened: Redis[] = []
  afterAll(() => {
    for (const client of opened) client.disconnect()
  })
  return (url: string): Redis => {
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 })
    opened.push(client)
    return client
  }
}
