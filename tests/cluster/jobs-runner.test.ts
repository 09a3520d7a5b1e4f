/**
 * `npm run jobs`, the job runner of its own for deployments whose instances all set
 * JOBS_AUTORUN=false: with no server running, it publishes a scheduled story on the shared
 * PostgreSQL database, once.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { bootPayload, type TestContext } from '../helpers/bootPayload'
import { type ProcessGroup, spawnGroup } from '../helpers/processGroup'
import { root } from '../helpers/server'
import { createStaff, type Staff } from '../helpers/staff'
import { createPostgresDatabase } from '../helpers/testDatabase'
import { jobRuns, pendingPublications, publishedVersions, scheduleStory } from './scheduling'

let ctx: TestContext
let staff: Staff
let runner: ProcessGroup

beforeAll(async () => {
  // Payload in the test process queues and reads; it runs no job (no cron).
  ctx = await bootPayload({ database: await createPostgresDatabase() })
  staff = await createStaff(ctx.payload)
  // The test process's DATABASE_URL and PAYLOAD_SECRET, as a deployment gives the runner the instances' settings.
  runner = spawnGroup('npm', ['run', 'jobs'], { cwd: root, env: { ...process.env, JOBS_AUTORUN_CRON: '* * * * * *', NODE_ENV: 'production' } })
})

afterAll(async () => {
  await runner?.stop()
  await ctx?.shutdown()
})

describe('npm run jobs', () => {
  it('publishes a scheduled story once, with no server running', async () => {
    const author = await ctx.payload.create({ collection: 'authors', data: { name: 'Runner Byline', slug: 'runner-byline' } })
    const draft = await scheduleStory(ctx.payload, { author: author.id, editor: staff.editor.user, inMs: 2_000 })

    const status = async () => (await ctx.payload.findByID({ collection: 'articles', depth: 0, id: draft.id }))._status
    await vi.waitUntil(async () => (await status()) === 'published', { interval: 250, timeout: 60_000 }).catch((error: Error) => {
      throw new Error(`${error.message}\n--- npm run jobs ---\n${runner.output()}`)
    })
    await vi.waitUntil(async () => (await pendingPublications(ctx.payload)) === 0, { interval: 250, timeout: 10_000 })
    await new Promise((resolve) => setTimeout(resolve, 2_000))
    expect(await publishedVersions(ctx.payload, draft.id)).toBe(1)
    expect(jobRuns(runner.output())).toEqual([1])
  })
})
