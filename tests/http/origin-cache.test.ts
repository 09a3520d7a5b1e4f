import { describe, expect, it } from 'vitest'

import { withPublicCaching } from '@/http/publicCache'
import { withOriginCacheFrom } from '@/http/withOriginCache'
import { createOriginCache } from '@/originCache/createOriginCache'
import { createMemoryOriginCache } from '@/originCache/memoryOriginCache'
import type { OriginCache } from '@/originCache/types'

type Options = { cache?: OriginCache; surface?: 'graphql' | 'rest' }

/**
 * The wrapper as the REST route composes it, around a stand-in for Payload that counts its calls and
 * answers with what it was asked and how many times: a served answer shows whether Payload made it.
 */
const setUp = ({ cache = createMemoryOriginCache({ maxBytes: 1_000_000, maxEntries: 100 }), surface = 'rest' }: Options = {}) => {
  const calls: Request[] = []
  let gate: Promise<void> | undefined
  const payload = async (request: Request) => {
    calls.push(request)
    await gate
    const body = surface === 'rest' ? null : await request.text()
    return Response.json({
      body,
      call: calls.length,
      origin: request.headers.get('origin'),
      signedIn: request.headers.has('authorization'),
      url: request.url,
    })
  }
  const inner = surface === 'rest' ? withPublicCaching<undefined>(payload) : payload
  const handler = withOriginCacheFrom(async () => cache, surface)(inner)
  const get = (path: string, headers: Record<string, string> = {}) => handler(new Request(`http://cms.test/api${path}`, { headers }), undefined)
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    handler(new Request('http://cms.test/api/graphql', { body: JSON.stringify(body), headers, method: 'POST' }), undefined)
  return {
    cache,
    calls,
    get,
    hold: () => {
      let release!: () => void
      gate = new Promise((resolve) => (release = resolve))
      return () => {
        gate = undefined
        release()
      }
    },
    post,
  }
}

const outcome = (response: Response) => response.headers.get('x-origin-cache')
const callOf = async (response: Response): Promise<number> => ((await response.json()) as { call: number }).call

describe('origin cache: REST reads', () => {
  it('answers a repeated anonymous read from the cache, without calling Payload', async () => {
    const { calls, get } = setUp()
    const first = await get('/articles?limit=10')
    expect(outcome(first)).toBe('miss')
    const second = await get('/articles?limit=10')
    expect(outcome(second)).toBe('hit')
    expect(calls).toHaveLength(1)
    expect(await callOf(second)).toBe(1)
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'))
    expect(second.headers.get('cache-control')).toMatch(/^public/)
  })

  it('answers If-None-Match with a 304 on a hit and on a miss, and stores the full answer', async () => {
    const { calls, get } = setUp()
    const tag = (await get('/articles/1')).headers.get('etag')!
    const hit = await get('/articles/1', { 'If-None-Match': tag })
    expect([hit.status, outcome(hit)]).toEqual([304, 'hit'])
    const conditionalMiss = await get('/articles/2', { 'If-None-Match': 'W/"other"' })
    expect([conditionalMiss.status, outcome(conditionalMiss)]).toEqual([200, 'miss'])
    // Payload was asked without the client's conditional, so what is stored is a 200 with its body.
    expect(calls.every((request) => !request.headers.has('if-none-match'))).toBe(true)
    const again = await get('/articles/2')
    expect([again.status, outcome(again), await callOf(again)]).toEqual([200, 'hit', 2])
  })

  it('answers If-None-Match for an answer it does not store (a media file) as Payload would have', async () => {
    const photo = new Uint8Array([1, 2, 3])
    const served: Request[] = []
    const handler = withOriginCacheFrom(async () => createMemoryOriginCache({ maxBytes: 1_000_000, maxEntries: 100 }), 'rest')(
      async (request: Request) => (
        served.push(request), new Response(photo, { headers: { 'Content-Type': 'image/png', ETag: '"abc"' }, status: 200 })
      ),
    )
    const file = (headers: Record<string, string> = {}) => handler(new Request('http://cms.test/api/media/file/a.png', { headers }))
    const held = await file({ 'If-None-Match': '"abc"' })
    expect([held.status, outcome(held), held.headers.get('etag')]).toEqual([304, 'miss', '"abc"'])
    const changed = await file({ 'If-None-Match': '"old"' })
    expect([changed.status, new Uint8Array(await changed.arrayBuffer())]).toEqual([200, photo])
    // Never stored: each read reaches Payload.
    expect(outcome(await file())).toBe('miss')
    expect(served).toHaveLength(3)
  })

  it('never serves nor stores a read with credentials', async () => {
    const { calls, get } = setUp()
    await get('/articles/1')
    const signedIn = await get('/articles/1', { Authorization: 'JWT x' })
    expect(outcome(signedIn)).toBe('bypass')
    expect(((await signedIn.json()) as { signedIn: boolean }).signedIn).toBe(true)
    const withCookie = await get('/articles/3', { Cookie: 'payload-token=x' })
    expect(outcome(withCookie)).toBe('bypass')
    // The cookie's read was not stored: the anonymous one is a miss.
    expect(outcome(await get('/articles/3'))).toBe('miss')
    expect(calls).toHaveLength(4)
  })

  it('keeps one entry per normalised query and per Origin', async () => {
    const { calls, get } = setUp()
    await get('/articles?where[slug][equals]=a&limit=10&sort=-publishedAt')
    // Same parameters in another order, and percent-encoded brackets: the same request.
    expect(outcome(await get('/articles?sort=-publishedAt&limit=10&where%5Bslug%5D%5Bequals%5D=a'))).toBe('hit')
    expect(outcome(await get('/articles?where[slug][equals]=b&limit=10&sort=-publishedAt'))).toBe('miss')
    expect(outcome(await get('/articles?where[slug][equals]=a&limit=10&sort=publishedAt'))).toBe('miss')
    const fromSite = await get('/articles?limit=10', { Origin: 'https://site.test' })
    expect(outcome(fromSite)).toBe('miss')
    const fromOther = await get('/articles?limit=10', { Origin: 'https://other.test' })
    expect(outcome(fromOther)).toBe('miss')
    expect(((await fromOther.json()) as { origin: string }).origin).toBe('https://other.test')
    expect(outcome(await get('/articles?limit=10', { Origin: 'https://site.test' }))).toBe('hit')
    expect(calls).toHaveLength(5)
  })

  it('does not store what withPublicCaching keeps private: accounts, errors', async () => {
    const { get } = setUp()
    await get('/users/1')
    expect(outcome(await get('/users/1'))).toBe('miss')
  })

  it('bypasses the cache while a write is in flight, and serves the new answer once it ended', async () => {
    const { cache, get } = setUp()
    await get('/articles/1')
    const end = await cache.beginWrite()
    const during = await get('/articles/1')
    expect([outcome(during), await callOf(during)]).toEqual(['bypass', 2])
    expect(outcome(await get('/articles/1'))).toBe('bypass')
    await end()
    const after = await get('/articles/1')
    expect([outcome(after), await callOf(after)]).toEqual(['miss', 4])
    expect(outcome(await get('/articles/1'))).toBe('hit')
  })

  it('does not store an answer made while a write began and ended', async () => {
    const { cache, get, hold } = setUp()
    const release = hold()
    const reading = get('/articles/1')
    await new Promise((resolve) => setTimeout(resolve, 10))
    await (await cache.beginWrite())()
    release()
    expect(outcome(await reading)).toBe('miss')
    // Made from the rows before the write: not kept.
    expect(outcome(await get('/articles/1'))).toBe('miss')
    expect(outcome(await get('/articles/1'))).toBe('hit')
  })

  it('evicts the least recently used answers beyond its entry bound', async () => {
    const { get } = setUp({ cache: createMemoryOriginCache({ maxBytes: 1_000_000, maxEntries: 2 }) })
    await get('/articles/1')
    await get('/articles/2')
    expect(outcome(await get('/articles/1'))).toBe('hit')
    await get('/articles/3')
    expect(outcome(await get('/articles/2'))).toBe('miss')
    expect(outcome(await get('/articles/3'))).toBe('hit')
  })

  it('evicts beyond its byte bound, and never stores an answer larger than it', async () => {
    // What one answer weighs: its body and stored headers (all but the outcome header).
    const sample = await setUp().get('/articles/1')
    const size =
      (await sample.arrayBuffer()).byteLength +
      [...sample.headers].filter(([name]) => name !== 'x-origin-cache').reduce((sum, [name, value]) => sum + name.length + value.length, 0)
    const { get } = setUp({ cache: createMemoryOriginCache({ maxBytes: Math.floor(size * 2.5), maxEntries: 100 }) })
    await get('/articles/1')
    await get('/articles/2')
    expect(outcome(await get('/articles/1'))).toBe('hit')
    expect(outcome(await get('/articles/2'))).toBe('hit')
    // A third does not fit beside two: the least recently used goes.
    await get('/articles/3')
    expect(outcome(await get('/articles/1'))).toBe('miss')
    const small = setUp({ cache: createMemoryOriginCache({ maxBytes: size - 10, maxEntries: 100 }) })
    await small.get('/articles/1')
    expect(outcome(await small.get('/articles/1'))).toBe('miss')
  })

  it('is absent with ORIGIN_CACHE=off, read replicas, or other writers without Redis: every read reaches Payload', async () => {
    const settings = { maxBytes: 1_000_000, maxEntries: 100, ttlSeconds: 60 }
    const cache = createOriginCache({ ...settings, enabled: false }, { readReplicas: false })
    expect(cache).toBeUndefined()
    // Nor with read replicas, whose lag a miss would store; on otherwise.
    expect(createOriginCache({ ...settings, enabled: true }, { readReplicas: true })).toBeUndefined()
    // Nor in memory when another process writes (jobs run elsewhere, several processes on one host); in Redis it sees them.
    expect(createOriginCache({ ...settings, enabled: true }, { otherWriters: true, readReplicas: false })).toBeUndefined()
    expect(createOriginCache({ ...settings, enabled: true }, { otherWriters: true, readReplicas: false, redisURL: 'redis://127.0.0.1:6379/15' })).toBeDefined()
    expect(createOriginCache({ ...settings, enabled: true }, { readReplicas: false })).toBeDefined()
    const calls: Request[] = []
    const handler = withOriginCacheFrom(async () => cache, 'rest')(
      withPublicCaching<undefined>(async (request) => (calls.push(request), Response.json({}))),
    )
    for (const _ of [1, 2]) {
      const response = await handler(new Request('http://cms.test/api/articles/1'), undefined)
      expect(outcome(response)).toBe('bypass')
    }
    expect(calls).toHaveLength(2)
  })
})

describe('origin cache: GraphQL', () => {
  it('caches an anonymous query by its query, variables (in any key order) and operation name', async () => {
    const { calls, post } = setUp({ surface: 'graphql' })
    const query = 'query Story($id: Int, $draft: Boolean) { Articles(where: { id: { equals: $id } }, draft: $draft) { docs { title } } }'
    expect(outcome(await post({ query, variables: { draft: false, id: 1 } }))).toBe('miss')
    const hit = await post({ operationName: null, query, variables: { id: 1, draft: false } })
    expect([outcome(hit), await callOf(hit)]).toEqual(['hit', 1])
    expect(outcome(await post({ query, variables: { draft: false, id: 2 } }))).toBe('miss')
    expect(outcome(await post({ operationName: 'Story', query, variables: { draft: false, id: 1 } }))).toBe('miss')
    expect(calls).toHaveLength(3)
  })

  it('never caches a mutation, a signed-in query or a body that is not an operation', async () => {
    const { calls, post } = setUp({ surface: 'graphql' })
    const mutation = 'mutation { createComment(data: { body: "Hi" }) { id } }'
    expect(outcome(await post({ query: mutation }))).toBe('bypass')
    expect(outcome(await post({ query: mutation }))).toBe('bypass')
    const query = '{ Articles { docs { title } } }'
    expect(outcome(await post({ query }, { Authorization: 'JWT x' }))).toBe('bypass')
    expect(outcome(await post({ query }))).toBe('miss')
    expect(outcome(await post('not an operation'))).toBe('bypass')
    expect(calls).toHaveLength(5)
  })
})
