/**
 * Feeds, sitemaps, robots.txt and structured data of the reference frontend, read as a feed reader,
 * a search engine and Google News would. Real Payload answers every API call the frontend makes (its
 * fetches are handed to the app's REST route handlers, as in tests/frontend/preview.test.ts); the
 * route handlers are called with real Requests. Feeds are parsed by a feed parser (`rss-parser`),
 * sitemaps validated against the committed XSDs (tests/feeds/xsd/).
 */
import type { Metadata } from 'next'
import type { ReactElement } from 'react'
import type { BreadcrumbList, NewsArticle, WithContext } from 'schema-dts'

import Parser from 'rss-parser'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { PopulatedArticle } from '@/frontend/api'

import { send } from '../helpers/http'
import { useStaffPayload } from '../helpers/staff'
import { schemaErrors } from './validate'

const ORIGIN = 'https://news.example'
process.env.SERVER_URL = ORIGIN

// Story pages read draft mode and cookies; nothing here is in draft preview.
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: () => undefined }),
  draftMode: async () => ({ isEnabled: false }),
}))

const { ctx, staff } = useStaffPayload()

const HOUR = 60 * 60 * 1000
const DRAFT = { slug: 'embargoed-budget-leak', title: 'Embargoed: the budget leak' }
const INTERNAL_TAG = { name: 'Legal hold desk', slug: 'legal-hold-desk' }
// A title that would break markup if anything were concatenated unescaped.
const TRICKY_TITLE = 'Tide & "storm" <surge> </script><script>alert(1)</script>'

type Fixture = { authorSlug: string; fresh: PopulatedArticle; heroFile: string; older: { id: number; slug: string } }
const fx = {} as Fixture

const feedParser = new Parser<Record<string, unknown>, { author?: string; id?: string; media?: { $: Record<string, string> } }>({
  customFields: { item: [['media:content', 'media']] },
})

const call = async (path: string, headers: Record<string, string> = {}): Promise<Response> => {
  const url = `${ORIGIN}${path}`
  const request = new Request(url, { headers })
  const [, first, slug, file] = new URL(url).pathname.split('/')
  if (first === 'feed.xml') return (await import('@/app/(frontend)/feed.xml/route')).GET(request)
  if (first === 'atom.xml') return (await import('@/app/(frontend)/atom.xml/route')).GET(request)
  if (first === 'sitemap.xml') return (await import('@/app/(frontend)/sitemap.xml/route')).GET(request)
  if (first === 'robots.txt') return (await import('@/app/(frontend)/robots.txt/route')).GET(request)
  if (first === 'sitemaps') return (await import('@/app/(frontend)/sitemaps/[file]/route')).GET(request, { params: Promise.resolve({ file: slug }) })
  const params = { params: Promise.resolve({ slug }) }
  const routes = {
    'authors/atom.xml': () => import('@/app/(frontend)/authors/[slug]/atom.xml/route'),
    'authors/feed.xml': () => import('@/app/(frontend)/authors/[slug]/feed.xml/route'),
    'tags/atom.xml': () => import('@/app/(frontend)/tags/[slug]/atom.xml/route'),
    'tags/feed.xml': () => import('@/app/(frontend)/tags/[slug]/feed.xml/route'),
  }
  return (await routes[`${first}/${file}` as keyof typeof routes]()).GET(request, params)
}

const text = async (path: string): Promise<string> => {
  const response = await call(path)
  expect(response.status, path).toBe(200)
  return response.text()
}

beforeAll(async () => {
  // The frontend calls the API over HTTP; here the app's own route handlers answer, as Next.js would.
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const { cache: _cache, next: _next, ...plain } = init as RequestInit & { next?: unknown }
    return send(new Request(String(input), plain))
  })
  const { payload } = ctx
  const png = await sharp({ create: { background: '#0a4', channels: 3, height: 8, width: 16 } }).png().toBuffer()
  const hero = await payload.create({
    collection: 'media',
    data: { alt: 'The harbour wall at high tide' },
    file: { data: png, mimetype: 'image/png', name: 'feeds-hero.png', size: png.length },
    user: staff.editor.user,
  })
  fx.heroFile = hero.filename!
  const author = await payload.create({ collection: 'authors', data: { name: 'Mara Quill', slug: 'mara-quill' } })
  const other = await payload.create({ collection: 'authors', data: { name: 'Ivo Stern', slug: 'ivo-stern' } })
  fx.authorSlug = author.slug!
  const harbour = await payload.create({ collection: 'tags', data: { name: 'Harbour', slug: 'harbour' } })
  const internal = await payload.create({ collection: 'tags', data: { ...INTERNAL_TAG, internal: true } })
  const older = await payload.create({
    collection: 'articles',
    data: {
      _status: 'published',
      authors: [other.id],
      excerpt: 'The old quay was rebuilt.',
      publishedAt: new Date(Date.now() - 5 * 24 * HOUR).toISOString(),
      slug: 'old-quay-rebuilt',
      tags: [harbour.id],
      title: 'Old quay rebuilt',
    },
  })
  fx.older = { id: older.id, slug: older.slug! }
  const fresh = await payload.create({
    collection: 'articles',
    data: {
      _status: 'published',
      authors: [author.id, other.id],
      excerpt: 'Crews worked through the night & the wall held.',
      heroImage: hero.id,
      publishedAt: new Date(Date.now() - HOUR).toISOString(),
      slug: 'harbour-wall-holds',
      tags: [internal.id, harbour.id],
      title: TRICKY_TITLE,
    },
  })
  await payload.create({
    collection: 'articles',
    data: { authors: [author.id], excerpt: 'Not yet.', slug: DRAFT.slug, tags: [harbour.id, internal.id], title: DRAFT.title },
    draft: true,
  })
  const { getArticle } = await import('@/frontend/api')
  fx.fresh = (await getArticle(fresh.slug!))!
})

afterAll(async () => {
  vi.unstubAllGlobals()
  // The media folder is shared with the app: remove the uploaded file and its sizes.
  const { docs } = await ctx.payload.find({ collection: 'media', where: { filename: { equals: fx.heroFile } } })
  for (const doc of docs) await ctx.payload.delete({ collection: 'media', id: doc.id })
})

const structuredData = () => import('@/frontend/structuredData')

const FEEDS = ['/feed.xml', '/atom.xml', '/tags/harbour/feed.xml', '/tags/harbour/atom.xml', '/authors/mara-quill/feed.xml', '/authors/mara-quill/atom.xml']

describe('the feeds', () => {
  it('serves the site RSS feed: published stories newest first, with excerpt, bylines, public tags and the hero image', async () => {
    const response = await call('/feed.xml')
    expect(response.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8')
    const feed = await feedParser.parseString(await response.text())
    expect(feed.title).toBe('Newsroom')
    expect(feed.link).toBe(`${ORIGIN}/`)
    expect(feed.image).toMatchObject({ link: `${ORIGIN}/`, title: 'Newsroom', url: `${ORIGIN}/logo.png` })
    expect(feed.items.map((item) => item.title)).toEqual([TRICKY_TITLE, 'Old quay rebuilt'])
    const [item] = feed.items
    expect(item.link).toBe(`${ORIGIN}/articles/harbour-wall-holds`)
    expect(item.guid).toBe(item.link)
    expect(item.content).toBe('Crews worked through the night & the wall held.')
    expect(item.isoDate).toBe(new Date(fx.fresh.publishedAt!).toISOString().replace(/\.\d{3}Z$/, '.000Z'))
    expect(item.creator).toBe('Mara Quill')
    expect(JSON.stringify(item.categories)).toContain('Harbour')
    expect(JSON.stringify(item.categories)).not.toContain(INTERNAL_TAG.name)
    expect(item.enclosure).toMatchObject({ type: 'image/png', url: `${ORIGIN}/api/media/file/${fx.heroFile}` })
    expect(Number(item.enclosure?.length)).toBeGreaterThan(0)
    expect(item.media?.$).toMatchObject({ height: '8', medium: 'image', url: item.enclosure?.url, width: '16' })
  })

  it('serves the site Atom feed with the same stories, authors with their pages, and self and alternate links', async () => {
    const xml = await text('/atom.xml')
    const feed = await feedParser.parseString(xml)
    expect(feed.title).toBe('Newsroom')
    expect(feed.items.map((item) => item.title)).toEqual([TRICKY_TITLE, 'Old quay rebuilt'])
    expect(feed.items[0].id).toBe(`${ORIGIN}/articles/harbour-wall-holds`)
    expect(feed.items[0].summary).toBe('Crews worked through the night & the wall held.')
    expect(feed.items[0].author).toBe('Mara Quill')
    expect(xml).toContain(`<uri>${ORIGIN}/authors/mara-quill</uri>`)
    expect(xml).toContain(`<link href="${ORIGIN}/atom.xml" rel="self" type="application/atom+xml"/>`)
    expect(xml).toContain(`rel="enclosure"`)
    expect(xml).toContain(`term="harbour"`)
  })

  it("serves a tag's and an author's feeds with their stories only", async () => {
    for (const path of ['/tags/harbour/feed.xml', '/tags/harbour/atom.xml']) {
      const feed = await feedParser.parseString(await text(path))
      expect(feed.title).toBe('Harbour · Newsroom')
      expect(feed.items.map((item) => item.title)).toEqual([TRICKY_TITLE, 'Old quay rebuilt'])
    }
    for (const path of ['/authors/mara-quill/feed.xml', '/authors/mara-quill/atom.xml']) {
      const feed = await feedParser.parseString(await text(path))
      expect(feed.title).toBe('Mara Quill · Newsroom')
      expect(feed.items.map((item) => item.title)).toEqual([TRICKY_TITLE])
    }
  })

  it('answers 404 for an unknown tag or author, and for an internal tag', async () => {
    for (const path of ['/tags/no-such-tag/feed.xml', `/tags/${INTERNAL_TAG.slug}/atom.xml`, '/authors/nobody/feed.xml', '/authors/nobody/atom.xml']) {
      expect((await call(path)).status, path).toBe(404)
    }
  })

  it('answers 304 to a reader that holds the current feed (If-None-Match, If-Modified-Since), and 200 once a story is published', async () => {
    const first = await call('/feed.xml')
    const tag = first.headers.get('etag')!
    const lastModified = first.headers.get('last-modified')!
    expect(tag).toMatch(/^W\/".+"$/)
    expect(new Date(lastModified).getTime()).toBe(Math.floor(Date.parse(fx.fresh.updatedAt) / 1000) * 1000)
    const byTag = await call('/feed.xml', { 'If-None-Match': tag })
    expect(byTag.status).toBe(304)
    expect(await byTag.text()).toBe('')
    expect(byTag.headers.get('etag')).toBe(tag)
    expect((await call('/feed.xml', { 'If-Modified-Since': lastModified })).status).toBe(304)
    expect((await call('/feed.xml', { 'If-None-Match': 'W/"something-else"' })).status).toBe(200)

    const story = await ctx.payload.create({
      collection: 'articles',
      data: { _status: 'published', authors: [(await ctx.payload.find({ collection: 'authors', where: { slug: { equals: 'ivo-stern' } } })).docs[0].id], slug: 'ferry-returns', title: 'Ferry returns' },
    })
    try {
      const after = await call('/feed.xml', { 'If-None-Match': tag })
      expect(after.status).toBe(200)
      expect(after.headers.get('etag')).not.toBe(tag)
      expect(await after.text()).toContain('Ferry returns')
    } finally {
      await ctx.payload.delete({ collection: 'articles', id: story.id })
    }
  })

  it('carries the newest 50 stories only', async () => {
    const author = (await ctx.payload.find({ collection: 'authors', where: { slug: { equals: 'ivo-stern' } } })).docs[0]
    const ids: number[] = []
    try {
      for (let i = 0; i < 50; i++) {
        const { id } = await ctx.payload.create({
          collection: 'articles',
          data: { _status: 'published', authors: [author.id], publishedAt: new Date(Date.now() - 2 * HOUR + i * 1000).toISOString(), slug: `bulk-${i}`, title: `Bulk story ${i}` },
        })
        ids.push(id)
      }
      const feed = await feedParser.parseString(await text('/feed.xml'))
      expect(feed.items).toHaveLength(50)
      expect(feed.items[0].title).toBe(TRICKY_TITLE)
      expect(feed.items.at(-1)?.title).toBe('Bulk story 1')
    } finally {
      await ctx.payload.delete({ collection: 'articles', where: { id: { in: ids } } })
    }
  })
})

describe('the sitemaps and robots.txt', () => {
  it('serves a sitemap index, valid against the sitemap XSD, naming a file per kind and the news sitemap', async () => {
    const xml = await text('/sitemap.xml')
    expect(await schemaErrors(xml, 'sitemapIndex')).toEqual([])
    const files = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => loc)
    expect(files).toEqual(['authors', 'stories', 'tags'].map((kind) => `${ORIGIN}/sitemaps/${kind}-1.xml`).concat(`${ORIGIN}/sitemaps/news.xml`))
  })

  it('lists published stories, public tags and authors with lastmod from updatedAt, valid against the XSD', async () => {
    const stories = await text('/sitemaps/stories-1.xml')
    expect(await schemaErrors(stories, 'sitemap')).toEqual([])
    expect(stories).toContain(`<loc>${ORIGIN}/articles/harbour-wall-holds</loc>`)
    expect(stories).toContain(`<lastmod>${fx.fresh.updatedAt}</lastmod>`)
    expect(stories).toContain(`<loc>${ORIGIN}/articles/${fx.older.slug}</loc>`)
    const tags = await text('/sitemaps/tags-1.xml')
    expect(await schemaErrors(tags, 'sitemap')).toEqual([])
    expect([...tags.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => loc)).toEqual([`${ORIGIN}/tags/harbour`])
    const authors = await text('/sitemaps/authors-1.xml')
    expect(await schemaErrors(authors, 'sitemap')).toEqual([])
    expect(authors).toContain(`<loc>${ORIGIN}/authors/mara-quill</loc>`)
  })

  it('answers 404 for a sitemap file past the last document or of no kind', async () => {
    for (const file of ['stories-2.xml', 'tags-0.xml', 'articles-1.xml', 'stories-1.json', 'news-1.xml']) {
      expect((await call(`/sitemaps/${file}`)).status, file).toBe(404)
    }
  })

  it('serves the Google News sitemap: stories of the last 48 hours with news:publication, date and title', async () => {
    const xml = await text('/sitemaps/news.xml')
    expect(await schemaErrors(xml, 'news')).toEqual([])
    expect([...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => loc)).toEqual([`${ORIGIN}/articles/harbour-wall-holds`])
    expect(xml).toContain('<news:name>Newsroom</news:name>')
    expect(xml).toContain('<news:language>en</news:language>')
    expect(xml).toContain(`<news:publication_date>${fx.fresh.publishedAt}</news:publication_date>`)
    expect(xml).toContain('<news:title>Tide &amp; &quot;storm&quot; &lt;surge&gt; &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</news:title>')
  })

  it('answers 304 to a crawler holding the current sitemap', async () => {
    const first = await call('/sitemaps/stories-1.xml')
    expect(first.headers.get('last-modified')).toBeTruthy()
    expect((await call('/sitemaps/stories-1.xml', { 'If-None-Match': first.headers.get('etag')! })).status).toBe(304)
  })

  it('serves robots.txt naming the sitemap index and the news sitemap', async () => {
    const robots = await text('/robots.txt')
    expect(robots.split('\n')).toEqual(expect.arrayContaining([`Sitemap: ${ORIGIN}/sitemap.xml`, `Sitemap: ${ORIGIN}/sitemaps/news.xml`, 'Disallow: /next/']))
  })
})

describe('structured data and canonical links', () => {
  it('describes a story as a NewsArticle with every property search engines require', async () => {
    const { newsArticleJsonLd } = await structuredData()
    // Typed: a NewsArticle as schema-dts defines it, so a misspelt or mistyped property fails `npm run typecheck`.
    const data: WithContext<NewsArticle> = newsArticleJsonLd(fx.fresh)
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      author: [
        { '@type': 'Person', name: 'Mara Quill', url: `${ORIGIN}/authors/mara-quill` },
        { '@type': 'Person', name: 'Ivo Stern', url: `${ORIGIN}/authors/ivo-stern` },
      ],
      dateModified: fx.fresh.updatedAt,
      datePublished: fx.fresh.publishedAt,
      headline: TRICKY_TITLE,
      keywords: ['Harbour'],
      mainEntityOfPage: `${ORIGIN}/articles/harbour-wall-holds`,
      publisher: { '@type': 'NewsMediaOrganization', logo: { '@type': 'ImageObject', url: `${ORIGIN}/logo.png` }, name: 'Newsroom' },
    })
    const images = data.image as string[]
    expect(images.length).toBeGreaterThan(0)
    expect(images).toContain(`${ORIGIN}/api/media/file/${fx.heroFile}`)
    for (const url of images) expect(url.startsWith(`${ORIGIN}/`)).toBe(true)
  })

  it('gives a story its breadcrumbs: Home, its first public tag, the story', async () => {
    const { breadcrumbJsonLd } = await structuredData()
    const data: WithContext<BreadcrumbList> = breadcrumbJsonLd(fx.fresh)
    expect(data.itemListElement).toEqual([
      { '@type': 'ListItem', item: `${ORIGIN}/`, name: 'Home', position: 1 },
      { '@type': 'ListItem', item: `${ORIGIN}/tags/harbour`, name: 'Harbour', position: 2 },
      { '@type': 'ListItem', item: `${ORIGIN}/articles/harbour-wall-holds`, name: TRICKY_TITLE, position: 3 },
    ])
  })

  it('renders the JSON-LD on the story page in a script no title can close', async () => {
    const { createElement, isValidElement } = await import('react')
    const { renderToStaticMarkup } = await import('react-dom/server')
    const { default: ArticlePage } = await import('@/app/(frontend)/articles/[slug]/page')
    const { JsonLd } = await import('@/frontend/components/JsonLd')
    // The page is a server component: its element tree holds the JsonLd element with its data.
    const findJsonLd = (node: unknown): null | ReactElement<{ data: unknown[] }> => {
      if (Array.isArray(node)) return node.map(findJsonLd).find(Boolean) ?? null
      if (!isValidElement<{ children?: unknown }>(node)) return null
      return node.type === JsonLd ? (node as ReactElement<{ data: unknown[] }>) : findJsonLd(node.props.children)
    }
    const element = findJsonLd(await ArticlePage({ params: Promise.resolve({ slug: 'harbour-wall-holds' }) }))
    expect(element?.props.data.map((data) => (data as { '@type': string })['@type'])).toEqual(['NewsArticle', 'BreadcrumbList'])
    const html = renderToStaticMarkup(createElement(JsonLd, element!.props as Parameters<typeof JsonLd>[0]))
    const [, body] = /^<script type="application\/ld\+json">(.*)<\/script>$/s.exec(html)!
    expect(body).not.toContain('<')
    expect(JSON.parse(body)[0].headline).toBe(TRICKY_TITLE)
  })

  it('puts canonical links and feed links in the head of the home, tag, author and story pages', async () => {
    const meta = async (loader: () => Promise<{ generateMetadata: (args: any) => Promise<Metadata> }>, slug?: string, page?: string) =>
      (await loader()).generateMetadata({ params: Promise.resolve({ slug }), searchParams: Promise.resolve({ page }) })
    const home = await meta(() => import('@/app/(frontend)/page'))
    expect(home.alternates?.canonical).toBe('/')
    expect(home.alternates?.types).toEqual({
      'application/atom+xml': [{ title: 'Newsroom', url: '/atom.xml' }],
      'application/rss+xml': [{ title: 'Newsroom', url: '/feed.xml' }],
    })
    expect((await meta(() => import('@/app/(frontend)/page'), undefined, '3')).alternates?.canonical).toBe('/?page=3')
    const tag = await meta(() => import('@/app/(frontend)/tags/[slug]/page'), 'harbour')
    expect(tag.alternates?.canonical).toBe('/tags/harbour')
    expect(tag.alternates?.types?.['application/rss+xml']).toEqual([
      { title: 'Newsroom', url: '/feed.xml' },
      { title: 'Harbour · Newsroom', url: '/tags/harbour/feed.xml' },
    ])
    const author = await meta(() => import('@/app/(frontend)/authors/[slug]/page'), 'mara-quill')
    expect(author.alternates?.canonical).toBe('/authors/mara-quill')
    expect(author.alternates?.types?.['application/atom+xml']).toContainEqual({ title: 'Mara Quill · Newsroom', url: '/authors/mara-quill/atom.xml' })
    const story = await meta(() => import('@/app/(frontend)/articles/[slug]/page'), 'harbour-wall-holds')
    expect(story.alternates?.canonical).toBe('/articles/harbour-wall-holds')
    const { generateMetadata } = await import('@/app/(frontend)/layout')
    expect(generateMetadata().metadataBase?.toString()).toBe(`${ORIGIN}/`)
  })
})

describe('nothing unpublished or internal', () => {
  it('lists no draft and no internal tag in any feed, sitemap or structured data', async () => {
    const { breadcrumbJsonLd, newsArticleJsonLd } = await structuredData()
    const documents = await Promise.all([...FEEDS, '/sitemap.xml', '/sitemaps/stories-1.xml', '/sitemaps/tags-1.xml', '/sitemaps/authors-1.xml', '/sitemaps/news.xml'].map(text))
    documents.push(JSON.stringify([newsArticleJsonLd(fx.fresh), breadcrumbJsonLd(fx.fresh)]))
    for (const document of documents) {
      for (const secret of [DRAFT.slug, DRAFT.title, INTERNAL_TAG.name, INTERNAL_TAG.slug]) expect(document).not.toContain(secret)
    }
  })
})
