import getPort from 'get-port'
import { IncrementalCache } from 'next/dist/server/lib/incremental-cache'
import { describe, expect, it } from 'vitest'

import { createRedisClient } from '@/redis/client.mjs'
import { createRedisCacheHandler } from '@/redis/createCacheHandler.mjs'

import { connections, useRedisDatabase } from '../helpers/redis'

const { url } = useRedisDatabase()
const connect = connections()

type Handler = InstanceType<ReturnType<typeof createRedisCacheHandler>>

let prefixes = 0
/** One handler per "instance", each with its own connection, sharing one key prefix per test. */
const instances = (count = 2, options: { logError?: (message: string, err: unknown) => void } = {}): Handler[] => {
  const keyPrefix = `test-${(prefixes += 1)}:`
  return Array.from({ length: count }, () => {
    const Handler = createRedisCacheHandler({ client: connect(url), keyPrefix, ...options })
    return new Handler({ revalidatedTags: [], _requestHeaders: {} })
  })
}

const ARTICLES = 'newsroom:articles'
const TAGS = 'newsroom:tags'

/** A fetch answer as Next.js's data cache stores it (`fetch(url, { next: { revalidate, tags } })`). */
const fetched = (body: string, revalidate = 60) =>
  ({
    data: { body, headers: { 'content-type': 'application/json' }, status: 200, url: 'http://cms/api/articles' },
    kind: 'FETCH',
    revalidate,
  }) as any

const fetchSet = (tags: string[]) => ({ fetchCache: true, tags }) as const
const fetchGet = (tags: string[], softTags: string[] = []) => ({ kind: 'FETCH', revalidate: 60, softTags, tags }) as any

describe('Next.js cache handler over Redis (REDIS_URL)', () => {
  it('serves on one instance what another stored', async () => {
    const [a, b] = instances()
    await a.set('story-list', fetched('{"docs":[1]}'), fetchSet([ARTICLES]))
    const entry = await b.get('story-list', fetchGet([ARTICLES]))
    expect(entry?.value).toEqual(fetched('{"docs":[1]}'))
    expect(entry?.lastModified).toBeGreaterThan(Date.now() - 60_000)
    expect(await b.get('never-stored', fetchGet([ARTICLES]))).toBeNull()
  })

  it('expires on every instance what revalidateTag(tag, { expire: 0 }) on one of them cleared, and only that', async () => {
    const [a, b, c] = instances(3)
    await a.set('story-list', fetched('old list'), fetchSet([ARTICLES]))
    await a.set('tag-list', fetched('tags'), fetchSet([TAGS]))
    expect(await c.get('story-list', fetchGet([ARTICLES]))).not.toBeNull()

    await b.revalidateTag(ARTICLES, { expire: 0 })
    expect(await a.get('story-list', fetchGet([ARTICLES]))).toBeNull()
    expect(await c.get('story-list', fetchGet([ARTICLES]))).toBeNull()
    expect((await c.get('tag-list', fetchGet([TAGS])))?.value).toEqual(fetched('tags'))

    // The answer fetched after the change is cached again, for everyone.
    await c.set('story-list', fetched('new list'), fetchSet([ARTICLES]))
    expect((await a.get('story-list', fetchGet([ARTICLES])))?.value).toEqual(fetched('new list'))
  })

  it('expires at once under any revalidation profile, and for several tags in one call', async () => {
    const [a, b] = instances()
    await a.set('one', fetched('1'), fetchSet([ARTICLES]))
    await a.set('two', fetched('2'), fetchSet([TAGS]))
    await b.revalidateTag([ARTICLES, TAGS], { expire: 31_536_000 })
    expect(await a.get('one', fetchGet([ARTICLES]))).toBeNull()
    expect(await a.get('two', fetchGet([TAGS]))).toBeNull()
  })

  it('honours the implicit path tags a fetch is read with (revalidatePath)', async () => {
    const [a, b] = instances()
    const page = ['_N_T_/layout', '_N_T_/articles/layout', '_N_T_/articles/some-story']
    await a.set('story', fetched('story'), fetchSet([ARTICLES]))
    expect(await b.get('story', fetchGet([ARTICLES], page))).not.toBeNull()
    await a.revalidateTag('_N_T_/articles/some-story')
    expect(await b.get('story', fetchGet([ARTICLES], page))).toBeNull()
  })

  it('keeps a page with its binary parts, its lifetime and its tags from the headers', async () => {
    const [a, b] = instances()
    const value = {
      headers: { 'x-next-cache-tags': `_N_T_/layout,_N_T_/,${ARTICLES}` },
      html: '<html></html>',
      kind: 'APP_PAGE',
      postponed: undefined,
      rscData: Buffer.from([0, 1, 2, 255]),
      segmentData: new Map([['/_tree', Buffer.from('tree')]]),
      status: 200,
    } as any
    await a.set('/', value, { cacheControl: { expire: 300, revalidate: 30 } } as any)
    const entry = await b.get('/', { isFallback: false, kind: 'APP_PAGE' } as any)
    expect(entry?.cacheControl).toEqual({ expire: 300, revalidate: 30 })
    const page = entry?.value as any
    expect(Buffer.isBuffer(page.rscData) && [...page.rscData]).toEqual([0, 1, 2, 255])
    expect(page.segmentData.get('/_tree').toString()).toBe('tree')
    await a.revalidateTag(ARTICLES, { expire: 0 })
    expect(await b.get('/', { isFallback: false, kind: 'APP_PAGE' } as any)).toBeNull()
  })

  it('keeps an entry in Redis for its lifetime: a page for its expire, a fetch for twice its revalidate', async () => {
    const keyPrefix = 'lifetime:'
    const client = connect(url)
    const handler = new (createRedisCacheHandler({ client, keyPrefix }))({ revalidatedTags: [], _requestHeaders: {} })
    await handler.set('fetch', fetched('x', 60), fetchSet([ARTICLES]))
    await handler.set('page', { headers: {}, html: '', kind: 'APP_PAGE' } as any, { cacheControl: { expire: 300, revalidate: 30 } } as any)
    const fetchTTL = await client.ttl(`${keyPrefix}entry:fetch`)
    expect(fetchTTL).toBeGreaterThan(110)
    expect(fetchTTL).toBeLessThanOrEqual(120)
    const pageTTL = await client.ttl(`${keyPrefix}entry:page`)
    expect(pageTTL).toBeGreaterThan(290)
    expect(pageTTL).toBeLessThanOrEqual(300)
  })

  it('works behind Next.js’s own IncrementalCache: set, get, and revalidateTag from another instance', async () => {
    const [A, B] = [0, 1].map(() => createRedisCacheHandler({ client: connect(url), keyPrefix: 'incremental:' }))
    const nextCache = (Handler: typeof A) =>
      new IncrementalCache({
        CurCacheHandler: Handler as any,
        dev: false,
        prerenderManifest: { dynamicRoutes: {}, notFoundRoutes: [], preview: {} as any, routes: {}, version: 4 } as any,
        previewProps: { previewModeEncryptionKey: '', previewModeId: 'test', previewModeSigningKey: '' },
        requestHeaders: {},
      })
    const first = nextCache(A)
    const second = nextCache(B)
    const key = await first.generateCacheKey('http://cms/api/articles?page=1', { headers: {} })
    await first.set(key, fetched('{"docs":[]}'), { fetchCache: true, tags: [ARTICLES] })
    const hit = await second.get(key, { kind: 'FETCH' as any, revalidate: 60, softTags: [], tags: [ARTICLES] })
    expect(hit).toMatchObject({ isStale: false, value: { data: { body: '{"docs":[]}' }, kind: 'FETCH' } })
    await first.revalidateTag([ARTICLES], { expire: 0 })
    expect(await second.get(key, { kind: 'FETCH' as any, revalidate: 60, softTags: [], tags: [ARTICLES] })).toBeNull()
  })

  it('answers misses and reports once, without failing a request, when Redis cannot be reached', async () => {
    const errors: string[] = []
    const unreachable = createRedisClient(`redis://127.0.0.1:${await getPort()}`, { onError: () => {} })
    try {
      const Handler = createRedisCacheHandler({ client: unreachable, logError: (message) => errors.push(message) })
      const handler = new Handler({ revalidatedTags: [], _requestHeaders: {} })
      await handler.set('story-list', fetched('x'), fetchSet([ARTICLES]))
      expect(await handler.get('story-list', fetchGet([ARTICLES]))).toBeNull()
      expect(errors).toEqual([expect.stringMatching(/^Next\.js cache in Redis \(REDIS_URL\): a write failed/)])
      await handler.revalidateTag(ARTICLES, { expire: 0 })
      expect(errors[1]).toMatch(/revalidating newsroom:articles failed/)
    } finally {
      unreachable.disconnect()
    }
  })
})
