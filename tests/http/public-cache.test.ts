import { describe, expect, it } from 'vitest'

import { PRIVATE_CACHE_CONTROL, publicCacheControl, withPublicCaching } from '@/http/publicCache'

const BODY = JSON.stringify({ docs: [{ id: 1, title: 'Harbour reopens' }] })

// A stand-in for Payload's REST handler: the same JSON for every read.
const handler = withPublicCaching<undefined>(async () =>
  Response.json(JSON.parse(BODY), { headers: { 'Content-Length': String(BODY.length) } }),
)

const read = (headers: Record<string, string> = {}, path = '/api/articles?depth=0') =>
  handler(new Request(`http://cms.test${path}`, { headers }), undefined)

const tagOf = async (): Promise<string> => (await read()).headers.get('etag')!

describe('withPublicCaching', () => {
  it('gives an anonymous read of a public collection a weak ETag and public lifetimes', async () => {
    const response = await read()
    expect(response.status).toBe(200)
    expect(response.headers.get('etag')).toMatch(/^W\/".+"$/)
    expect(response.headers.get('cache-control')).toBe(publicCacheControl())
    expect(response.headers.get('vary')).toBe('Authorization, Cookie, Origin')
    expect(await response.text()).toBe(BODY)
  })

  it('gives the same body the same tag, and another body another', async () => {
    expect(await tagOf()).toBe(await tagOf())
    const other = withPublicCaching<undefined>(async () => Response.json({ docs: [] }))
    const response = await other(new Request('http://cms.test/api/articles'), undefined)
    expect(response.headers.get('etag')).not.toBe(await tagOf())
  })

  it.each([
    ['the weak tag itself', (tag: string) => tag, 304],
    ['the tag without its weak prefix', (tag: string) => tag.replace(/^W\//, ''), 304],
    ['a list holding the tag', (tag: string) => `W/"stale", ${tag} ,"other"`, 304],
    ['a list holding the bare tag', (tag: string) => `"stale",${tag.replace(/^W\//, '')}`, 304],
    ['*', () => '*', 304],
    ['another tag', () => 'W/"stale"', 200],
    ['a list of other tags', () => '"stale", W/"older"', 200],
    ['a tag that only starts like it', (tag: string) => `${tag.slice(0, -2)}"`, 200],
    ['an empty header', () => '', 200],
  ])('answers If-None-Match: %s with %i, a 304 without a body', async (_, ifNoneMatch, status) => {
    const tag = await tagOf()
    const response = await read({ 'If-None-Match': ifNoneMatch(tag) })
    expect(response.status).toBe(status)
    expect(response.headers.get('etag')).toBe(tag)
    expect(response.headers.get('cache-control')).toBe(publicCacheControl())
    expect(response.headers.has('content-length')).toBe(status === 200)
    expect(response.headers.has('content-type')).toBe(status === 200)
    expect(await response.text()).toBe(status === 200 ? BODY : '')
  })

  it('answers 304 to a matching tag even when the request says no-cache', async () => {
    const tag = await tagOf()
    expect((await read({ 'Cache-Control': 'no-cache', 'If-None-Match': tag })).status).toBe(304)
  })

  it('keeps a read with credentials private, with no tag and no 304', async () => {
    const tag = await tagOf()
    const credentials: Record<string, string>[] = [{ Authorization: 'JWT whatever' }, { Cookie: 'payload-token=whatever' }]
    for (const headers of credentials) {
      const response = await read({ ...headers, 'If-None-Match': tag })
      expect(response.status).toBe(200)
      expect(response.headers.get('cache-control')).toBe(PRIVATE_CACHE_CONTROL)
      expect(response.headers.has('etag')).toBe(false)
    }
  })

  it('keeps reads of accounts private', async () => {
    const response = await read({}, '/api/users')
    expect(response.headers.get('cache-control')).toBe(PRIVATE_CACHE_CONTROL)
    expect(response.headers.has('etag')).toBe(false)
  })
})
