/**
 * Feeds, sitemaps, robots.txt, feed discovery, canonical links and JSON-LD on the production build
 * (`next start`), over HTTP: the routes Next.js serves at those addresses, the headers that reach a
 * client through the proxy, 304s, and a publish clearing the feeds' cached API answers.
 */
import Parser from 'rss-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type RunningServer, startProductionServer, waitUntilServing } from '../helpers/server'

let server: RunningServer
const asAdmin: Record<string, string> = {}
let authorID: number
const DRAFT_TITLE = 'Unreleased: dock strike talks'
const INTERNAL_TAG = 'Night desk only'

const api = async (path: string, body?: unknown) => {
  const response = await fetch(`${server.url}/api${path}`, {
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', ...asAdmin },
    method: body === undefined ? 'GET' : 'POST',
  })
  return response
}
const create = async (collection: string, data: Record<string, unknown>, query = '') => {
  const response = await api(`/${collection}${query}`, data)
  expect(response.status, `creating a ${collection}`).toBe(201)
  return (await response.json()).doc
}
const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers })

beforeAll(async () => {
  server = await startProductionServer({ PAYLOAD_SECRET: 'feeds-test-secret' })
  await waitUntilServing(server)
  const registered = await api('/users/first-register', { name: 'Feeds Admin', email: 'feeds-admin@newsroom.test', password: 'feeds-password-1' })
  asAdmin.Authorization = `JWT ${(await registered.json()).token}`
  authorID = (await create('authors', { name: 'Tomas Reed', slug: 'tomas-reed' })).id
  const tag = await create('tags', { name: 'Docks', slug: 'docks' })
  const internal = await create('tags', { internal: true, name: INTERNAL_TAG, slug: 'night-desk' })
  await create('articles', { _status: 'published', authors: [authorID], excerpt: 'Cranes idle.', slug: 'cranes-idle', tags: [tag.id, internal.id], title: 'Cranes idle at the docks' })
  await create('articles', { authors: [authorID], slug: 'dock-strike-talks', tags: [tag.id], title: DRAFT_TITLE }, '?draft=true')
}, 120_000)
afterAll(async () => server?.stop())

describe('feeds over HTTP', () => {
  it('serves the RSS and Atom feeds of the site, a tag and an author, parseable, with their content types', async () => {
    const parser = new Parser()
    for (const [path, type] of [
      ['/feed.xml', 'application/rss+xml; charset=utf-8'],
      ['/atom.xml', 'application/atom+xml; charset=utf-8'],
      ['/tags/docks/feed.xml', 'application/rss+xml; charset=utf-8'],
      ['/authors/tomas-reed/atom.xml', 'application/atom+xml; charset=utf-8'],
    ]) {
      const response = await get(path)
      expect(response.status, path).toBe(200)
      expect(response.headers.get('content-type')).toBe(type)
      const body = await response.text()
      expect((await parser.parseString(body)).items.map((item) => item.title)).toEqual(['Cranes idle at the docks'])
      expect(body).not.toContain(DRAFT_TITLE)
      expect(body).not.toContain(INTERNAL_TAG)
    }
    expect((await get('/tags/night-desk/feed.xml')).status).toBe(404)
    expect((await get('/authors/nobody/atom.xml')).status).toBe(404)
  })

  it('answers 304 to If-None-Match, and shows a story published since at once', async () => {
    const first = await get('/feed.xml')
    const etag = first.headers.get('etag')!
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate')
    expect(first.headers.get('last-modified')).toBeTruthy()
    const held = await get('/feed.xml', { 'If-None-Match': etag })
    expect(held.status).toBe(304)
    expect(await held.text()).toBe('')

    await create('articles', { _status: 'published', authors: [authorID], slug: 'tugboat-returns', title: 'Tugboat returns to service' })
    const after = await get('/feed.xml', { 'If-None-Match': etag })
    expect(after.status).toBe(200)
    expect(await after.text()).toContain('Tugboat returns to service')
  })
})

describe('sitemaps and robots.txt over HTTP', () => {
  it('serves the index, the files, the news sitemap and robots.txt, with no draft and no internal tag', async () => {
    const index = await get('/sitemap.xml')
    expect(index.status).toBe(200)
    expect(index.headers.get('content-type')).toBe('application/xml; charset=utf-8')
    expect(await index.text()).toContain(`<loc>${server.url}/sitemaps/stories-1.xml</loc>`)
    for (const path of ['/sitemaps/stories-1.xml', '/sitemaps/tags-1.xml', '/sitemaps/authors-1.xml', '/sitemaps/news.xml']) {
      const response = await get(path)
      expect(response.status, path).toBe(200)
      const body = await response.text()
      expect(body).not.toMatch(/dock-strike-talks|night-desk/)
    }
    expect(await (await get('/sitemaps/news.xml')).text()).toContain(`<loc>${server.url}/articles/cranes-idle</loc>`)
    expect((await get('/sitemaps/stories-2.xml')).status).toBe(404)
    const robots = await get('/robots.txt')
    expect(robots.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(await robots.text()).toContain(`Sitemap: ${server.url}/sitemap.xml`)
  })
})

describe('page heads', () => {
  // The attributes of each <link> in a page, whatever order Next.js writes them in.
  const linksIn = async (path: string) =>
    [...(await (await get(path)).text()).matchAll(/<link ([^>]*?)\/?>/g)].map(([, attributes]) =>
      Object.fromEntries([...attributes.matchAll(/([\w-]+)="([^"]*)"/g)].map(([, name, value]) => [name, value])),
    )

  it('advertise the feeds and a canonical link on the home, tag and author pages', async () => {
    const home = await linksIn('/')
    expect(home).toContainEqual({ href: server.url, rel: 'canonical' })
    expect(home).toContainEqual({ href: `${server.url}/feed.xml`, rel: 'alternate', title: 'Newsroom', type: 'application/rss+xml' })
    expect(home).toContainEqual({ href: `${server.url}/atom.xml`, rel: 'alternate', title: 'Newsroom', type: 'application/atom+xml' })
    const tag = await linksIn('/tags/docks')
    expect(tag).toContainEqual({ href: `${server.url}/tags/docks`, rel: 'canonical' })
    expect(tag).toContainEqual({ href: `${server.url}/tags/docks/feed.xml`, rel: 'alternate', title: 'Docks · Newsroom', type: 'application/rss+xml' })
    expect(tag).toContainEqual({ href: `${server.url}/feed.xml`, rel: 'alternate', title: 'Newsroom', type: 'application/rss+xml' })
    const author = await linksIn('/authors/tomas-reed')
    expect(author).toContainEqual({ href: `${server.url}/authors/tomas-reed/atom.xml`, rel: 'alternate', title: 'Tomas Reed · Newsroom', type: 'application/atom+xml' })
  })

  it('give a story its canonical link and NewsArticle and BreadcrumbList JSON-LD', async () => {
    const html = await (await get('/articles/cranes-idle')).text()
    expect(html).toContain(`<link rel="canonical" href="${server.url}/articles/cranes-idle"/>`)
    const [, json] = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)!
    const [article, breadcrumbs] = JSON.parse(json)
    expect(article).toMatchObject({ '@type': 'NewsArticle', headline: 'Cranes idle at the docks', keywords: ['Docks'], publisher: { logo: { url: `${server.url}/logo.png` } } })
    expect(breadcrumbs.itemListElement.map((crumb: { name: string }) => crumb.name)).toEqual(['Home', 'Docks', 'Cranes idle at the docks'])
    const logo = await get('/logo.png')
    expect(logo.status).toBe(200)
    expect(logo.headers.get('content-type')).toBe('image/png')
  })
})
