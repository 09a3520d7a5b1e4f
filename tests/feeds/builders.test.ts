/**
 * The feed, sitemap and response builders on their own: escaping, file numbering, conditional
 * requests. The API behind the sitemaps is a stand-in here, to list more documents than a test
 * database could hold cheaply; tests/feeds/feeds.test.ts reads real Payload.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'

import { feedPath, listCanonical } from '@/frontend/feeds/scope'
import { parseSitemapFile, readSitemapFile, sitemapFiles, URLS_PER_FILE } from '@/frontend/sitemaps/read'
import { serializeJsonLd } from '@/frontend/structuredData'
import { buildXML } from '@/frontend/xml'
import { CONTENT_TYPES, documentResponse, latestOf } from '@/frontend/xmlResponse'

afterEach(() => vi.unstubAllGlobals())

describe('buildXML', () => {
  it('escapes text and attributes, and drops characters XML cannot carry', () => {
    const xml = buildXML({ item: { '@_href': '/a?b=1&c="2"', title: 'A <b>bold</b> & "quoted" \u0000\u0008title\u{1F30A}' } })
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<item href="/a?b=1&amp;c=&quot;2&quot;">\n  <title>A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; title\u{1F30A}</title>\n</item>\n',
    )
  })
})

describe('feed addresses and canonical links', () => {
  it('places the feeds of the site, a tag and an author', () => {
    expect(feedPath({ kind: 'site' }, 'rss')).toBe('/feed.xml')
    expect(feedPath({ kind: 'site' }, 'atom')).toBe('/atom.xml')
    expect(feedPath({ kind: 'tag', slug: 'city hall' }, 'rss')).toBe('/tags/city%20hall/feed.xml')
    expect(feedPath({ kind: 'author', slug: 'mara-quill' }, 'atom')).toBe('/authors/mara-quill/atom.xml')
  })

  it('keeps ?page= in the canonical link of later list pages only', () => {
    expect(listCanonical('/tags/x', 1)).toBe('/tags/x')
    expect(listCanonical('/tags/x', 2)).toBe('/tags/x?page=2')
  })
})

describe('serializeJsonLd', () => {
  it('escapes every < so that no value can close the script element', () => {
    const json = serializeJsonLd({ headline: '</script><script>alert(1)</script>' })
    expect(json).not.toContain('<')
    expect(JSON.parse(json)).toEqual({ headline: '</script><script>alert(1)</script>' })
  })
})

describe('sitemap files', () => {
  // A stand-in for the public REST API: `totals` documents per collection, 100 a page at most.
  const fakeAPI = (totals: Record<string, number>) => {
    const requests: URL[] = []
    vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
      const url = new URL(String(input))
      requests.push(url)
      const collection = url.pathname.split('/').at(-1)!
      const limit = Number(url.searchParams.get('limit'))
      const page = Number(url.searchParams.get('page') ?? 1)
      const total = totals[collection] ?? 0
      const docs = Array.from({ length: Math.max(0, Math.min(limit, total - (page - 1) * limit)) }, (_, i) => ({
        slug: `${collection}-${(page - 1) * limit + i + 1}`,
        updatedAt: '2026-03-01T10:00:00.000Z',
      }))
      return Response.json({ docs, hasNextPage: page * limit < total, page, totalDocs: total })
    })
    return requests
  }

  it('numbers only the files there are documents for, at most 1,000 URLs each, and names the news sitemap', async () => {
    fakeAPI({ articles: 2500, authors: 0, tags: 1000 })
    const files = (await sitemapFiles()).map((url) => new URL(url).pathname)
    expect(files).toEqual(['/sitemaps/stories-1.xml', '/sitemaps/stories-2.xml', '/sitemaps/stories-3.xml', '/sitemaps/tags-1.xml', '/sitemaps/news.xml'])
  })

  it('fills a file with its own 1,000 documents, a page of 100 at a time, and has no file past the last', async () => {
    const requests = fakeAPI({ articles: 2500 })
    const second = await readSitemapFile('stories', 2)
    expect(second).toHaveLength(URLS_PER_FILE)
    expect(second?.[0].loc).toMatch(/\/articles\/articles-1001$/)
    expect(second?.at(-1)?.loc).toMatch(/\/articles\/articles-2000$/)
    expect(requests.every((url) => Number(url.searchParams.get('limit')) <= 100)).toBe(true)
    expect((await readSitemapFile('stories', 3))?.length).toBe(500)
    expect(await readSitemapFile('stories', 4)).toBeNull()
  })

  it('parses file names of the three kinds and nothing else', () => {
    expect(parseSitemapFile('stories-12.xml')).toEqual({ index: 12, kind: 'stories' })
    expect(parseSitemapFile('authors-1.xml')).toEqual({ index: 1, kind: 'authors' })
    for (const name of ['stories-0.xml', 'stories-01.xml', 'articles-1.xml', 'tags-1.xml.gz', 'tags-.xml', '../tags-1.xml']) {
      expect(parseSitemapFile(name), name).toBeNull()
    }
  })
})

describe('documentResponse', () => {
  const lastModified = new Date('2026-03-01T10:00:00.000Z')
  const respond = (headers: Record<string, string> = {}) =>
    documentResponse(new Request('http://localhost/feed.xml', { headers }), '<rss/>', { contentType: CONTENT_TYPES.rss, lastModified })

  it('sends ETag and Last-Modified, and a bodiless 304 to a client holding the document', async () => {
    const full = respond()
    expect(full.status).toBe(200)
    expect(full.headers.get('last-modified')).toBe('Sun, 01 Mar 2026 10:00:00 GMT')
    const etag = full.headers.get('etag')!
    const held = respond({ 'If-None-Match': etag })
    expect(held.status).toBe(304)
    expect(await held.text()).toBe('')
    expect(respond({ 'If-Modified-Since': 'Sun, 01 Mar 2026 10:00:00 GMT' }).status).toBe(304)
  })

  it('sends the whole document to a client holding an older one', () => {
    expect(respond({ 'If-None-Match': 'W/"older"' }).status).toBe(200)
    expect(respond({ 'If-Modified-Since': 'Sun, 01 Mar 2026 09:59:59 GMT' }).status).toBe(200)
  })

  it('finds the latest of some dates', () => {
    expect(latestOf(['2026-01-01T00:00:00Z', null, '2026-02-01T00:00:00Z'])?.toISOString()).toBe('2026-02-01T00:00:00.000Z')
    expect(latestOf([])).toBeUndefined()
  })
})
