/**
 * Old slugs on the production build (`next start`), over HTTP: a story's, tag's (and its feeds') and
 * author's old path answers 301 with the page at the current slug; a live slug, an unpublished
 * story's old slug and an internal tag's pass on to the page's own answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type RunningServer, startProductionServer, waitUntilServing } from '../helpers/server'

let server: RunningServer
const asAdmin: Record<string, string> = {}
let storyID: number

const api = async (method: 'PATCH' | 'POST', path: string, body: unknown) => {
  const response = await fetch(`${server.url}/api${path}`, {
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', ...asAdmin },
    method,
  })
  expect(response.status, `${method} ${path}`).toBeLessThan(300)
  return (await response.json()).doc
}
const visit = (path: string, method = 'GET') => fetch(`${server.url}${path}`, { method, redirect: 'manual' })

beforeAll(async () => {
  server = await startProductionServer({ PAYLOAD_SECRET: 'redirects-test-secret' })
  await waitUntilServing(server)
  const registered = await fetch(`${server.url}/api/users/first-register`, {
    body: JSON.stringify({ name: 'Redirects Admin', email: 'redirects-admin@newsroom.test', password: 'redirects-password-1' }),
    headers: { 'Content-Type': 'application/json' },
    method: 'POST',
  })
  asAdmin.Authorization = `JWT ${(await registered.json()).token}`
}, 120_000)
afterAll(async () => server?.stop())

describe('old slugs on the frontend', () => {
  beforeAll(async () => {
    const author = await api('POST', '/authors', { name: 'Mira Holm', slug: 'mira-h' })
    const tag = await api('POST', '/tags', { name: 'Rivers', slug: 'rivers' })
    const story = await api('POST', '/articles', { _status: 'published', authors: [author.id], slug: 'river-floods', tags: [tag.id], title: 'River floods the old town' })
    storyID = story.id
    await api('PATCH', `/articles/${story.id}`, { slug: 'river-floods-old-town' })
    await api('PATCH', `/tags/${tag.id}`, { slug: 'rivers-and-lakes' })
    await api('PATCH', `/authors/${author.id}`, { slug: 'mira-holm' })
    const internal = await api('POST', '/tags', { name: 'Flood desk', slug: 'flood-desk' })
    await api('PATCH', `/tags/${internal.id}`, { internal: true, slug: 'flood-desk-internal' })
  }, 60_000)

  it('answers 301 with the current path for a story, a tag, its feeds and an author', async () => {
    for (const [from, to] of [
      ['/articles/river-floods', '/articles/river-floods-old-town'],
      ['/tags/rivers', '/tags/rivers-and-lakes'],
      ['/tags/rivers/feed.xml', '/tags/rivers-and-lakes/feed.xml'],
      ['/tags/rivers/atom.xml', '/tags/rivers-and-lakes/atom.xml'],
      ['/authors/mira-h', '/authors/mira-holm'],
      ['/authors/mira-h/feed.xml', '/authors/mira-holm/feed.xml'],
    ]) {
      const response = await visit(from)
      expect(response.status, from).toBe(301)
      // Next.js writes a same-origin redirect's Location as the path alone.
      expect(response.headers.get('location'), from).toBe(to)
      const landed = await visit(to)
      expect(landed.status, to).toBe(200)
    }
    const head = await visit('/articles/river-floods', 'HEAD')
    expect(head.status).toBe(301)
  })

  it('keeps the query string', async () => {
    const response = await visit('/tags/rivers?page=2')
    expect(response.status).toBe(301)
    expect(response.headers.get('location')).toBe('/tags/rivers-and-lakes?page=2')
  })

  it('lets live slugs, unknown ones and hidden targets answer as before', async () => {
    expect((await visit('/articles/river-floods-old-town')).status).toBe(200)
    expect((await visit('/articles/never-was')).status).toBe(404)
    expect((await visit('/tags/flood-desk')).status).toBe(404)
    await api('PATCH', `/articles/${storyID}`, { _status: 'draft' })
    expect((await visit('/articles/river-floods')).status).toBe(404)
    await api('PATCH', `/articles/${storyID}`, { _status: 'published' })
    expect((await visit('/articles/river-floods')).status).toBe(301)
  })
})
