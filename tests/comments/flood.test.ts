import { afterEach, describe, expect, it, vi } from 'vitest'

import type { Comment } from '@/payload-types'

import { FLOOD_LIMITS } from '@collections/Comments/submission/floodControl'

import { rest } from '../helpers/http'
import { commentData, createCommentGraphQL, newClientIP, postComment, useCommentsSuite } from './helpers'

// Route handlers get no socket: the tests name each client through X-Forwarded-For, trusted as from one proxy.
process.env.TRUST_PROXY = '1'

const suite = useCommentsSuite()
afterEach(() => {
  vi.useRealTimers()
})

const count = async (): Promise<number> => (await suite.ctx.payload.count({ collection: 'comments' })).totalDocs
const stored = (id: number | string): Promise<Comment> =>
  suite.ctx.payload.findByID({ collection: 'comments', depth: 0, id, showHiddenFields: true })

/** Moves the clock on (Date only: the limiters and Payload read it, timers keep running). */
const later = (seconds: number) => vi.setSystemTime(Date.now() + seconds * 1000)

const retryAfterOf = (headers: Headers): number => Number(headers.get('Retry-After'))

describe('comments: flood control over REST', () => {
  it('answers a second comment from the same client within 15 seconds with 429 and Retry-After, storing nothing', async () => {
    const ip = newClientIP()
    expect((await postComment(commentData(suite.fx.open.id), { ip })).status).toBe(201)
    const before = await count()
    const { body, headers, status } = await postComment(commentData(suite.fx.open.id), { ip })
    expect(status).toBe(429)
    expect(retryAfterOf(headers)).toBeGreaterThanOrEqual(1)
    expect(retryAfterOf(headers)).toBeLessThanOrEqual(FLOOD_LIMITS.burst.duration)
    expect(body.errors[0].message).toMatch(/too many comments/i)
    expect(await count()).toBe(before)
  })

  it('limits the same email from another client too', async () => {
    const data = commentData(suite.fx.open.id)
    expect((await postComment(data)).status).toBe(201)
    const again = await postComment({ ...data, authorEmail: String(data.authorEmail).toUpperCase(), body: 'Another thought.' })
    expect(again.status).toBe(429)
  })

  it('lets the client post again after 15 seconds', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['Date'] })
    const ip = newClientIP()
    expect((await postComment(commentData(suite.fx.open.id), { ip })).status).toBe(201)
    later(FLOOD_LIMITS.burst.duration + 1)
    const { body, status } = await postComment(commentData(suite.fx.open.id), { ip })
    expect(status).toBe(201)
    // The moderators see that this sender had already posted within the hour.
    expect((await stored(body.doc.id)).signals).toMatchObject({ flood: 1 })
  })

  it('caps a client at 20 comments an hour, then answers 429 with the wait until the hour is over', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['Date'] })
    const ip = newClientIP()
    for (let i = 0; i < FLOOD_LIMITS.hourly.points; i++) {
      expect((await postComment(commentData(suite.fx.open.id), { ip })).status, `comment ${i + 1}`).toBe(201)
      later(FLOOD_LIMITS.burst.duration + 1)
    }
    const before = await count()
    const capped = await postComment(commentData(suite.fx.open.id), { ip })
    expect(capped.status).toBe(429)
    expect(retryAfterOf(capped.headers)).toBeGreaterThan(FLOOD_LIMITS.burst.duration)
    expect(retryAfterOf(capped.headers)).toBeLessThanOrEqual(FLOOD_LIMITS.hourly.duration)
    expect(await count()).toBe(before)
    later(retryAfterOf(capped.headers))
    expect((await postComment(commentData(suite.fx.open.id), { ip })).status).toBe(201)
  })

  it('counts only comments that were stored: a refused or invalid one can be resent at once', async () => {
    const ip = newClientIP()
    expect((await postComment(commentData(suite.fx.open.id, { body: 'x'.repeat(5001) }), { ip })).status).toBe(400)
    expect((await postComment(commentData(suite.fx.closed.id), { ip })).status).toBe(403)
    expect((await postComment(commentData(suite.fx.open.id), { ip })).status).toBe(201)
  })

  it('does not limit editors', async () => {
    const ip = newClientIP()
    for (let i = 0; i < 3; i++) {
      expect((await postComment(commentData(suite.fx.open.id), { ip, token: suite.staff.editor.token })).status).toBe(201)
    }
  })

  it('limits staff below editor like any reader', async () => {
    const ip = newClientIP()
    expect((await postComment(commentData(suite.fx.open.id), { ip, token: suite.staff.author.token })).status).toBe(201)
    expect((await postComment(commentData(suite.fx.open.id), { ip, token: suite.staff.author.token })).status).toBe(429)
  })

  it('limits a sender whose address is unknown by email, and stores no address hash', async () => {
    const data = commentData(suite.fx.open.id)
    const first = await rest('POST', '/comments', { body: data })
    expect(first.status).toBe(201)
    expect((await stored(first.body.doc.id)).ipHash ?? null).toBeNull()
    expect((await rest('POST', '/comments', { body: commentData(suite.fx.open.id) })).status).toBe(201)
    expect((await rest('POST', '/comments', { body: { ...data, body: 'Second thought.' } })).status).toBe(429)
  })
})

describe('comments: flood control over GraphQL', () => {
  it('answers with a 429 error carrying retryAfter, and a Retry-After header', async () => {
    const ip = newClientIP()
    const first = await createCommentGraphQL(commentData(suite.fx.open.id), { ip })
    expect(first.body.errors).toBeUndefined()
    const before = await count()
    const { body, headers } = await createCommentGraphQL(commentData(suite.fx.open.id), { ip })
    expect(body.data?.createComment ?? null).toBeNull()
    const [error] = body.errors ?? []
    expect(error.extensions).toMatchObject({ statusCode: 429 })
    expect(error.extensions?.data?.retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfterOf(headers)).toBe(error.extensions?.data?.retryAfter)
    expect(await count()).toBe(before)
  })

  it('shares one allowance between REST and GraphQL', async () => {
    const ip = newClientIP()
    expect((await postComment(commentData(suite.fx.open.id), { ip })).status).toBe(201)
    const { body } = await createCommentGraphQL(commentData(suite.fx.open.id), { ip })
    expect(body.errors?.[0]?.extensions).toMatchObject({ statusCode: 429 })
  })
})
