import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { restKey } from '@/originCache/requestKey'
import { createRedisOriginCache, type RedisOriginCacheOptions } from '@/originCache/redisOriginCache'
import type { CachedAnswer } from '@/originCache/types'

import { bootPayload, type TestContext } from '../helpers/bootPayload'
import { rest } from '../helpers/http'
import { connections, useRedisDatabase } from '../helpers/redis'

const { url } = useRedisDatabase()
const connect = connections()

const OPTIONS: RedisOriginCacheOptions = { maxBytes: 1_000_000, ttlSeconds: 60 }

/** Another server instance's cache: its own connection to the same Redis. */
const instance = (options: Partial<RedisOriginCacheOptions> = {}) => createRedisOriginCache(connect(url), { ...OPTIONS, ...options })

const answer = (text: string): CachedAnswer => ({
  body: new TextEncoder().encode(text),
  headers: [['content-type', 'application/json']],
  status: 200,
})

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Fills the cache through one instance: a miss, then a store at the generation the lookup saw. */
const fill = async (cache: ReturnType<typeof instance>, key: string, text: string): Promise<boolean> => {
  const lookup = await cache.lookup(key)
  if (lookup.kind !== 'miss') throw new Error(`expected a miss, got ${lookup.kind}`)
  return cache.store(key, lookup.generation, answer(text))
}

describe('origin cache in Redis: instances sharing one server', () => {
  it('serves through one instance what another stored, and a write through either is seen by the next read of both', async () => {
    const [a, b] = [instance({ prefix: 'shared:' }), instance({ prefix: 'shared:' })]
    expect(await fill(a, 'story', '{"title":"Old"}')).toBe(true)
    const hit = await b.lookup('story')
    expect(hit.kind === 'hit' && Buffer.from(hit.answer.body).toString()).toBe('{"title":"Old"}')

    const end = await b.beginWrite()
    expect((await a.lookup('story')).kind).toBe('bypass')
    await end()
    expect((await a.lookup('story')).kind).toBe('miss')
    expect((await b.lookup('story')).kind).toBe('miss')
  })

  it('refuses to store an answer made while another instance wrote', async () => {
    const [a, b] = [instance({ prefix: 'race:' }), instance({ prefix: 'race:' })]
    const lookup = await a.lookup('list')
    if (lookup.kind !== 'miss') throw new Error('expected a miss')
    await (await b.beginWrite())()
    expect(await a.store('list', lookup.generation, answer('[]'))).toBe(false)
    expect((await b.lookup('list')).kind).toBe('miss')
  })

  it('keeps a long write in flight while its instance lives, and lets a dead instance’s write expire', async () => {
    const reader = instance({ prefix: 'markers:' })
    const writerConnection = connect(url)
    const writer = createRedisOriginCache(writerConnection, { ...OPTIONS, prefix: 'markers:', writeMarkerMs: 300 })
    const end = await writer.beginWrite()
    // Three marker lifetimes: renewed all along, so still in flight.
    await pause(900)
    expect((await reader.lookup('story')).kind).toBe('bypass')
    await end()
    expect((await reader.lookup('story')).kind).toBe('miss')

    await writer.beginWrite()
    // The instance dies mid-write (its database connection, and so its transaction, with it).
    writerConnection.disconnect()
    expect((await reader.lookup('story')).kind).toBe('bypass')
    await pause(600)
    expect((await reader.lookup('story')).kind).toBe('miss')
  })

  it('does not store an answer larger than its bound', async () => {
    const cache = instance({ maxBytes: 10, prefix: 'bounds:' })
    expect(await fill(cache, 'large', '{"title":"More than ten bytes"}')).toBe(false)
    expect(await fill(cache, 'small', '{}')).toBe(true)
  })
})

describe('origin cache in Redis: Payload with REDIS_URL', () => {
  let ctx: TestContext
  let storyID: number

  beforeAll(async () => {
    // Read when the config is imported, by bootPayload.
    process.env.REDIS_URL = url
    ctx = await bootPayload()
    ctx.payload.logger.level = 'warn'
    const author = await ctx.payload.create({ collection: 'authors', data: { name: 'Tomas Berg', slug: 'tomas-berg' } })
    storyID = (await ctx.payload.create({ collection: 'articles', data: { _status: 'published', authors: [author.id], title: 'Ferry resumes' } })).id
  })
  afterAll(async () => ctx?.shutdown())

  it('shares its answers with another instance, and a Local API write through it is seen by the other’s next read', async () => {
    const path = `/articles/${storyID}`
    expect((await rest('GET', path)).headers.get('x-origin-cache')).toBe('miss')
    expect((await rest('GET', path)).headers.get('x-origin-cache')).toBe('hit')
    // The second instance: the app's key prefix, its own connection.
    const other = instance()
    const key = restKey(new Request(`http://localhost:3000/api${path}`))
    const shared = await other.lookup(key)
    expect(shared.kind === 'hit' && JSON.parse(Buffer.from(shared.answer.body).toString()).title).toBe('Ferry resumes')

    await ctx.payload.update({ collection: 'articles', data: { title: 'Ferry resumes at dawn' }, id: storyID })
    expect((await other.lookup(key)).kind).toBe('miss')
    const read = await rest('GET', path)
    expect([read.headers.get('x-origin-cache'), read.body.title]).toEqual(['miss', 'Ferry resumes at dawn'])
  })
})
