import { afterAll, afterEach, beforeAll } from 'vitest'

import { bootPayload, type TestContext } from '../helpers/bootPayload'
import { REDIS_TEST_SERVER, useRedisDatabase } from '../helpers/redis'
import { type S3TestServer, startS3Server } from '../helpers/s3Server'
import { type ServerProcess, startServer, waitUntilServing } from '../helpers/server'
import { createStaff, type Staff } from '../helpers/staff'
import { createPostgresDatabase } from '../helpers/testDatabase'

/** The cluster suite's Redis database: the Redis suite's workers use 15 and 14. */
export const CLUSTER_REDIS_DATABASE = 13

/** The REDIS_URL the instances share, and the build is made with (tests/cluster/globalSetup.ts). */
export const CLUSTER_REDIS_URL = `${REDIS_TEST_SERVER}/${CLUSTER_REDIS_DATABASE}`

export type Cluster = {
  /** Runs the job queue (JOBS_AUTORUN=true), every second. */
  a: ServerProcess
  /** Never runs a job (JOBS_AUTORUN=false). */
  b: ServerProcess
  /** Payload in the test process, on the same database without a job runner: for what has no HTTP surface. */
  ctx: TestContext
  s3: S3TestServer
  /** One logged-in account per staff role, stored in the shared database. */
  staff: Staff
}

/**
 * Two `next start` instances of the production build on one scratch PostgreSQL database, one Redis
 * database and one S3 server, as a deployment behind a load balancer runs them. Started before the
 * file's tests, stopped (and the database dropped) after them. The members are filled in by
 * `beforeAll`: read them in tests, never at import time.
 */
export const useCluster = (): Cluster => {
  const redis = useRedisDatabase(CLUSTER_REDIS_DATABASE)
  const cluster = {} as Cluster
  beforeAll(async () => {
    const database = await createPostgresDatabase()
    // Booted first: it applies the migrations, so the instances start on a ready schema.
    cluster.ctx = await bootPayload({ database })
    cluster.staff = await createStaff(cluster.ctx.payload)
    cluster.s3 = await startS3Server()
    const shared = {
      ...cluster.s3.env,
      DATABASE_POOL_MAX: '5',
      JOBS_AUTORUN_CRON: '* * * * * *',
      // The test process's secret: the staff tokens it made are valid on both instances.
      PAYLOAD_SECRET: process.env.PAYLOAD_SECRET,
      REDIS_URL: redis.url,
    }
    ;[cluster.a, cluster.b] = await Promise.all([
      startServer({ databaseURL: database.url, env: { ...shared, JOBS_AUTORUN: 'true' } }),
      startServer({ databaseURL: database.url, env: { ...shared, JOBS_AUTORUN: 'false' } }),
    ])
    await Promise.all([waitUntilServing(cluster.a, 120_000), waitUntilServing(cluster.b, 120_000)])
  })
  // What each instance logged is the first thing to read when a test fails.
  afterEach(({ task }) => {
    if (task.result?.state !== 'fail') return
    console.log(`--- instance A (${cluster.a?.url}) ---\n${cluster.a?.output()}\n--- instance B (${cluster.b?.url}) ---\n${cluster.b?.output()}`)
  })
  afterAll(async () => {
    await Promise.all([cluster.a?.stop(), cluster.b?.stop()])
    await cluster.s3?.stop()
    await cluster.ctx?.shutdown()
  })
  return cluster
}
