/**
 * HTTP caching on the production build (`next start`): anonymous REST reads are fingerprinted and
 * shareable for a short, configured time; the reference frontend keeps API answers in Next.js's data
 * cache and the CMS clears them when a story changes; nothing personal is ever marked public.
 */
import { createClient } from '@libsql/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type RunningServer, startProductionServer, waitUntilServing } from '../helpers/server'

// Short lifetimes, so the worst case of a shared cache can be waited out in a test.
const S_MAXAGE = 1
const STALE_WHILE_REVALIDATE = 2

let server: RunningServer
let adminToken: string
let story: { id: number; slug: string; title: string }
let tagSlug: string

const api = async (path: string, init: { body?: unknown; headers?: Record<string, string>; method?: string } = {}) => {
  const response = await fetch(`${server.url}/api${path}`, {
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    headers: { 'Content-Type': 'application/json', ...init.headers },
    method: init.method ?? 'GET',
  })
  return response
}
const asAdmin: Record<string, string> = {}
const page = async (path: string) => (await fetch(`${server.url}${path}`)).text()

beforeAll(async () => {
  server = await startProductionServer({
    API_CACHE_S_MAXAGE: String(S_MAXAGE),
    API_CACHE_STALE_WHILE_REVALIDATE: String(STALE_WHILE_REVALIDATE),
    PAYLOAD_SECRET: 'caching-test-secret',
  })
  await waitUntilServing(server)
  const registered = await api('/users/first-register', {
    body: { name: 'Cache Admin', email: 'cache-admin@newsroom.test', password: 'cache-password-1' },
    method: 'POST',
  })
  adminToken = (await registered.json()).token
  asAdmin.Authorization = `JWT ${adminToken}`
  const create = async (collection: string, data: Record<string, unknown>) => {
    const response = await api(`/${collection}`, { body: data, headers: asAdmin, method: 'POST' })
    expect(response.status, `creating a ${collection}`).toBe(201)
    return (await response.json()).doc
  }
  const author = await create('authors', { name: 'Cache Writer' })
  const tag = await create('tags', { name: 'Harbour Works' })
  tagSlug = tag.slug
  story = await create('articles', {
    _status: 'published',
    authors: [author.id],
    tags: [tag.id],
    title: 'Ferry terminal reopens after storm repairs',
  })
}, 120_000)
afterAll(async () => server?.stop())

describe('anonymous REST reads', () => {
  it('carry a weak ETag and short public lifetimes, and answer 304 to a matching If-None-Match', async () => {
    const first = await api('/articles?depth=1&limit=10')
    expect(first.status).toBe(200)
    expect(first.headers.get('cache-control')).toBe(
      `public, max-age=0, s-maxage=${S_MAXAGE}, stale-while-revalidate=${STALE_WHILE_REVALIDATE}`,
    )
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^W\/".+"$/)

    const again = await api('/articles?depth=1&limit=10', { headers: { 'If-None-Match': etag } })
    expect(again.status).toBe(304)
    expect(again.headers.get('etag')).toBe(etag)
    expect(await again.text()).toBe('')

    const otherQuery = await api('/articles?depth=0&limit=10', { headers: { 'If-None-Match': etag } })
    expect(otherQuery.status).toBe(200)
  })
})

describe('an unpublished story', () => {
  /**
   * A shared cache (CDN) as HTTP allows it to behave, at its most lax: it serves its copy while
   * fresh, serves it stale during stale-while-revalidate while refetching in the background, and
   * only then waits for the origin.
   */
  const sharedCache = (path: string) => {
    let entry: { body: string; etag: string; storedAt: number } | undefined
    let refreshing: Promise<void> | undefined
    const refresh = async () => {
      const response = await api(path, { headers: entry ? { 'If-None-Match': entry.etag } : {} })
      const body = response.status === 304 ? entry!.body : await response.text()
      entry = { body, etag: response.headers.get('etag')!, storedAt: Date.now() }
    }
    return async (): Promise<string> => {
      const age = entry ? (Date.now() - entry.storedAt) / 1000 : Infinity
      if (age < S_MAXAGE) return entry!.body
      if (age < S_MAXAGE + STALE_WHILE_REVALIDATE) {
        refreshing ??= refresh().finally(() => (refreshing = undefined))
        return entry!.body
      }
      await refresh()
      return entry!.body
    }
  }

  it('leaves the cached pages at once and shared caches within s-maxage + stale-while-revalidate', async () => {
    const listPath = '/articles?depth=1&limit=10&sort=-publishedAt'
    const cdn = sharedCache(listPath)
    expect(await cdn()).toContain(story.title)
    for (const path of ['/', `/tags/${tagSlug}`, `/articles/${story.slug}`]) expect(await page(path)).toContain(story.title)

    // The frontend's answers really are cached: a change made behind the API's back goes unseen.
    const database = createClient({ url: `file:${server.databaseFile}` })
    await database.execute({ args: [story.id], sql: "UPDATE articles SET title = 'Renamed behind the API' WHERE id = ?" })
    database.close()
    const cachedHome = await page('/')
    expect(cachedHome).toContain(story.title)
    expect(cachedHome).not.toContain('Renamed behind the API')

    const unpublished = await api(`/articles/${story.id}`, { body: { _status: 'draft' }, headers: asAdmin, method: 'PATCH' })
    expect(unpublished.status).toBe(200)
    const unpublishedAt = Date.now()

    // Saving through the API cleared the frontend's cached answers: the very next render drops it.
    const home = await page('/')
    expect(home).not.toContain(story.title)
    expect(home).not.toContain('Renamed behind the API')
    expect(await page(`/tags/${tagSlug}`)).not.toContain(story.title)
    expect((await fetch(`${server.url}/articles/${story.slug}`)).status).toBe(404)

    // The origin never serves it again, even to a cache revalidating its old copy.
    const fromOrigin = await api(listPath)
    expect(await fromOrigin.text()).not.toMatch(/Ferry terminal|Renamed behind the API/)

    // A shared cache may show it until its copy is no longer usable, and no longer.
    let goneAfter = Infinity
    while (Date.now() - unpublishedAt < (S_MAXAGE + STALE_WHILE_REVALIDATE + 3) * 1000) {
      if (!/Ferry terminal|Renamed behind the API/.test(await cdn())) {
        goneAfter = (Date.now() - unpublishedAt) / 1000
        break
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(goneAfter).toBeLessThanOrEqual(S_MAXAGE + STALE_WHILE_REVALIDATE + 1)
  })
})

describe('personalised responses', () => {
  const cookie = () => ({ Cookie: `payload-token=${adminToken}` })

  it.each([
    ['a signed-in list (JWT)', '/articles?depth=1', () => asAdmin],
    ['a signed-in list (session cookie)', '/articles?depth=1', cookie],
    ['a signed-in draft read', `/articles?draft=true&depth=0`, () => asAdmin],
    ['the signed-in account', '/users/me', cookie],
    ['an anonymous account check', '/users/me', () => ({})],
    ['the accounts list', '/users', () => asAdmin],
    ['comments as a moderator', '/comments', () => asAdmin],
    ['an invalid token', '/articles', () => ({ Authorization: 'JWT not-a-token' })],
  ])('%s is never public', async (_name, path, headers) => {
    const response = await api(path, { headers: headers() })
    expect(response.headers.get('cache-control') ?? '').not.toMatch(/public/)
    expect(response.headers.get('cache-control')).toBe('private, no-store')
  })

  it('a login, GraphQL with credentials and the admin panel are never public', async () => {
    const login = await api('/users/login', {
      body: { email: 'cache-admin@newsroom.test', password: 'cache-password-1' },
      method: 'POST',
    })
    const graphql = await api('/graphql', { body: { query: '{ Users { docs { email } } }' }, headers: asAdmin, method: 'POST' })
    const admin = await fetch(`${server.url}/admin`, { headers: cookie() })
    for (const response of [login, graphql, admin]) {
      expect(response.headers.get('cache-control') ?? '').not.toMatch(/public/)
    }
  })
})
