/**
 * Two instances behind one load balancer: what one of them does, the other sees. A runs the job
 * queue and B does not; both share PostgreSQL, Redis (flood control, login throttle, Next.js's data
 * cache) and an S3 bucket (media). Every request goes over HTTP to a `next start` process.
 */
import { createHash } from 'crypto'
import sharp from 'sharp'
import { beforeAll, describe, expect, it, vi } from 'vitest'

import type { Article, Author, Media } from '@/payload-types'

import { commentData, createArticle } from '../comments/helpers'
import { STAFF_PASSWORD } from '../helpers/staff'
import { useCluster } from './cluster'
import { jobRuns, pendingPublications, publishedVersions, scheduleStory } from './scheduling'

const cluster = useCluster()

type Call = { body?: unknown; headers?: Record<string, string>; method?: string; token?: string }

/** A REST call to one instance; a JSON body is sent as JSON, a form as multipart. */
const api = (server: { url: string }, path: string, { body, headers = {}, method = 'GET', token }: Call = {}) =>
  fetch(`${server.url}/api${path}`, {
    body: body instanceof FormData || body === undefined ? body : JSON.stringify(body),
    headers: {
      ...(body instanceof FormData || body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `JWT ${token}` } : {}),
      ...headers,
    },
    method,
  })

const homePage = async (server: { url: string }): Promise<string> => {
  const response = await fetch(`${server.url}/`)
  expect(response.status).toBe(200)
  return response.text()
}

const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex')

describe('two instances on one database, one Redis and one bucket', () => {
  let author: Author
  beforeAll(async () => {
    author = await cluster.ctx.payload.create({ collection: 'authors', data: { name: 'Cluster Byline', slug: 'cluster-byline' } })
  })

  it('limits a comment flood across instances: the second comment within 15 s, sent to B, gets a 429', async () => {
    const article = await createArticle(cluster.ctx.payload, author)
    // The client address flood control counts, as a proxy in front of both instances would send it.
    const reader = { 'X-Forwarded-For': '203.0.113.7' }

    const first = await api(cluster.a, '/comments', { body: commentData(article.id), headers: reader, method: 'POST' })
    expect(first.status, await first.text()).toBe(201)
    // Another email, so that only the shared per-address counter can refuse it.
    const second = await api(cluster.b, '/comments', { body: commentData(article.id), headers: reader, method: 'POST' })
    expect(second.status, await second.text()).toBe(429)
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0)
    // B takes comments from other readers: the 429 was this reader's, counted on A.
    const other = await api(cluster.b, '/comments', { body: commentData(article.id), headers: { 'X-Forwarded-For': '203.0.113.8' }, method: 'POST' })
    expect(other.status).toBe(201)
  })

  it('shows a story published through A on B\'s home page at its next render, though B had cached the list', async () => {
    const { a, b, staff } = cluster
    const title = `Tide barrier closes for the winter ${Date.now()}`
    // B renders the list first: its cached answer must be the one that the publish clears.
    expect((await homePage(b)).includes(title), 'B lists the story before it exists').toBe(false)
    const draft = await api(a, '/articles?draft=true', { body: { _status: 'draft', authors: [author.id], title }, method: 'POST', token: staff.editor.token })
    expect(draft.status, await draft.clone().text()).toBe(201)
    const { doc } = (await draft.json()) as { doc: Article }
    expect((await homePage(b)).includes(title), 'B lists a draft').toBe(false)

    const published = await api(a, `/articles/${doc.id}`, { body: { _status: 'published' }, method: 'PATCH', token: staff.editor.token })
    expect(published.status, await published.text()).toBe(200)

    expect((await homePage(b)).includes(title), 'B lists the story at its next render').toBe(true)
  })

  it('serves through B, byte for byte, a media file uploaded through A, from the shared bucket', async () => {
    const { a, b, s3, staff } = cluster
    const photo = await sharp({ create: { background: '#36a', channels: 3, height: 300, width: 400 } }).png().toBuffer()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(photo)], { type: 'image/png' }), `cluster-quay-${Date.now()}.png`)
    form.append('_payload', JSON.stringify({ alt: 'The quay at dusk' }))
    const upload = await api(a, '/media', { body: form, method: 'POST', token: staff.editor.token })
    expect(upload.status, await upload.clone().text()).toBe(201)
    const { doc } = (await upload.json()) as { doc: Media }
    // In the bucket, not only on a disk that both processes on this machine happen to share.
    expect(await s3.keys()).toContain(doc.filename)

    const served = await fetch(`${b.url}/api/media/file/${encodeURIComponent(doc.filename!)}`)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(sha256(new Uint8Array(await served.arrayBuffer()))).toBe(sha256(photo))
  })

  it('publishes a scheduled story exactly once, on A, and B never runs a job', async () => {
    const { a, b, ctx, staff } = cluster
    // Far enough ahead that even a busy machine checks it unpublished first.
    const draft = await scheduleStory(ctx.payload, { author: author.id, editor: staff.editor.user, inMs: 5_000 })
    expect((await api(b, `/articles/${draft.id}`)).status).toBe(404)
    // Nobody runs the queue over HTTP, not even an admin: B stays out of it.
    expect((await api(b, '/payload-jobs/run', { token: staff.admin.token })).status).toBe(401)

    await vi.waitUntil(async () => (await api(b, `/articles/${draft.id}`)).status === 200, { interval: 250, timeout: 30_000 })
    // Completed (deleted), not failed or waiting for a retry.
    await vi.waitUntil(async () => (await pendingPublications(ctx.payload)) === 0, { interval: 250, timeout: 10_000 })
    // A second run would save a second published version; a few more ticks of A's runner give it the chance.
    await new Promise((resolve) => setTimeout(resolve, 2_000))
    expect(await publishedVersions(ctx.payload, draft.id)).toBe(1)
    expect(jobRuns(a.output())).toEqual([1])
    expect(jobRuns(b.output())).toEqual([])
  })

  it('accepts on B a login session made on A, by its token and by its cookie', async () => {
    const { a, b, staff } = cluster
    const login = await api(a, '/users/login', { body: { email: staff.author.user.email, password: STAFF_PASSWORD }, method: 'POST' })
    expect(login.status).toBe(200)
    const { token } = (await login.json()) as { token: string }
    const cookie = login.headers.getSetCookie().find((line) => line.startsWith('payload-token='))!.split(';')[0]

    const byToken = await (await api(b, '/users/me', { token })).json()
    expect(byToken.user?.email).toBe(staff.author.user.email)
    // As the admin panel's own requests carry it: Payload takes the cookie only from the site itself (CSRF).
    const byCookie = await (await api(b, '/users/me', { headers: { Cookie: cookie, 'Sec-Fetch-Site': 'same-origin' } })).json()
    expect(byCookie.user?.email).toBe(staff.author.user.email)
    // B checks the session, not only the signature: after logging out on A, the token is refused on B.
    expect((await api(a, '/users/logout', { method: 'POST', token })).status).toBe(200)
    expect((await (await api(b, '/users/me', { token })).json()).user).toBeNull()
  })
})
