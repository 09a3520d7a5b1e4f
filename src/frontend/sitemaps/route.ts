import { CONTENT_TYPES, documentResponse, latestOf } from '../xmlResponse'
import { absoluteURL, SITE_LANGUAGE, SITE_NAME } from '../site'
import { buildNewsSitemap, buildSitemapIndex, buildURLSet } from './build'
import { parseSitemapFile, readNewsStories, readSitemapFile, sitemapFiles } from './read'

const notFound = (): Response => new Response('No such sitemap.', { headers: { 'Content-Type': CONTENT_TYPES.text }, status: 404 })

/** `/sitemap.xml`: the index of every sitemap file. */
export const sitemapIndex = async (request: Request): Promise<Response> =>
  documentResponse(request, buildSitemapIndex(await sitemapFiles()), { contentType: CONTENT_TYPES.xml })

/** `/sitemaps/<kind>-<n>.xml` and `/sitemaps/news.xml`. */
export const sitemapFile = async (request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> => {
  const { file } = await params
  if (file === 'news.xml') {
    const stories = await readNewsStories(new Date())
    const body = buildNewsSitemap(stories, { language: SITE_LANGUAGE, name: SITE_NAME })
    return documentResponse(request, body, { contentType: CONTENT_TYPES.xml, lastModified: latestOf(stories.map((story) => story.publishedAt)) })
  }
  const parsed = parseSitemapFile(file)
  const urls = parsed && (await readSitemapFile(parsed.kind, parsed.index))
  if (!urls) return notFound()
  return documentResponse(request, buildURLSet(urls), { contentType: CONTENT_TYPES.xml, lastModified: latestOf(urls.map((url) => url.lastmod)) })
}

/** `/robots.txt`: everything may be crawled but the admin and draft preview; the sitemaps are named. */
export const robots = (request: Request): Response => {
  const body = ['User-agent: *', 'Allow: /', 'Disallow: /admin', 'Disallow: /next/', '', `Sitemap: ${absoluteURL('/sitemap.xml')}`, `Sitemap: ${absoluteURL('/sitemaps/news.xml')}`, ''].join('\n')
  return documentResponse(request, body, { contentType: CONTENT_TYPES.text })
}
