import { buildXML } from '../xml'

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9'

/** A page a sitemap lists: its absolute URL and when its document last changed. */
export type SitemapURL = { lastmod: string; loc: string }

/** A story the Google News sitemap lists. */
export type NewsURL = { loc: string; publishedAt: string; title: string }

export type Publication = { language: string; name: string }

/** A sitemap index (`sitemapindex`) of sitemap files' absolute URLs. */
export const buildSitemapIndex = (files: string[]): string =>
  buildXML({ sitemapindex: { '@_xmlns': SITEMAP_NS, sitemap: files.map((loc) => ({ loc })) } })

/** A sitemap (`urlset`) of pages with their `lastmod`. */
export const buildURLSet = (urls: SitemapURL[]): string =>
  buildXML({ urlset: { '@_xmlns': SITEMAP_NS, url: urls.map(({ lastmod, loc }) => ({ loc, lastmod })) } })

/** A Google News sitemap: a `urlset` whose stories carry `news:news`. */
export const buildNewsSitemap = (urls: NewsURL[], publication: Publication): string =>
  buildXML({
    urlset: {
      '@_xmlns': SITEMAP_NS,
      '@_xmlns:news': NEWS_NS,
      url: urls.map(({ loc, publishedAt, title }) => ({
        loc,
        'news:news': {
          'news:publication': { 'news:name': publication.name, 'news:language': publication.language },
          'news:publication_date': publishedAt,
          'news:title': title,
        },
      })),
    },
  })
