import { beforeAll, describe, expect, it } from 'vitest'

import type { Article } from '@/payload-types'

import { rest } from '../helpers/http'
import { type Staff, useStaffPayload } from '../helpers/staff'

// Before the boot, which reads it: the same job runner `next dev` and `next start` boot
// (src/instrumentation.ts), ticking every second here.
beforeAll(() => {
  process.env.JOBS_AUTORUN_CRON = '* * * * * *'
})
const { ctx, staff } = useStaffPayload({ cron: true })

let authorID: number

beforeAll(async () => {
  // The contributor's own byline, which they alone of the staff below author may sign with.
  authorID = (
    await ctx.payload.create({ collection: 'authors', data: { name: 'Mira Sato', slug: 'mira-sato', user: staff.contributor.user.id } })
  ).id
})

const createDraft = async (title: string, role: keyof Staff): Promise<Article> =>
  ctx.payload.create({
    collection: 'articles',
    data: { _status: 'draft', authors: [authorID], slug: title.toLowerCase().replace(/\W+/g, '-'), title },
    draft: true,
    overrideAccess: false,
    user: staff[role].user,
  })

// Queued exactly as the admin panel's "Schedule publish" drawer queues it.
const schedulePublish = async (article: Article, role: keyof Staff, inMs: number) =>
  ctx.payload.jobs.queue({
    input: { type: 'publish', doc: { relationTo: 'articles', value: article.id }, user: { relationTo: 'users', value: staff[role].user.id } },
    task: 'schedulePublish',
    waitUntil: new Date(Date.now() + inMs),
  })

const waitFor = async (check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return true
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return false
}

const publicStatus = async (id: number) => (await rest('GET', `/articles/${id}`)).status

describe('articles: scheduled publishing', () => {
  it('publishes an author’s scheduled story at its time, with no request to trigger it', async () => {
    const article = await createDraft('Harbour bridge reopens', 'author')
    // Far enough ahead that even a loaded machine checks before the time comes.
    await schedulePublish(article, 'author', 8_000)
    expect(await publicStatus(article.id)).toBe(404)

    const published = await waitFor(async () => (await publicStatus(article.id)) === 200, 30_000)

    expect(published).toBe(true)
    const stored = await ctx.payload.findByID({ collection: 'articles', id: article.id })
    expect(stored._status).toBe('published')
    expect(Date.parse(stored.publishedAt!)).toBeGreaterThan(Date.now() - 60_000)
  })

  it('does not let a contributor publish by scheduling', async () => {
    const article = await createDraft('Ferry timetable draft', 'contributor')
    const job = await schedulePublish(article, 'contributor', 500)

    const ran = await waitFor(async () => {
      const stored = await ctx.payload.findByID({ collection: 'payload-jobs', id: job.id })
      return Boolean(stored.completedAt || stored.hasError || stored.log?.length)
    }, 20_000)

    expect(ran).toBe(true)
    const stored = await ctx.payload.findByID({ collection: 'articles', id: article.id })
    expect(stored._status).toBe('draft')
    expect(await publicStatus(article.id)).toBe(404)
  })
})
