import { type Feed, type FeedItem, mediaContentOf } from './model'

import { buildXML, type XMLNode } from '../xml'

// RSS 2.0 has no author element without an e-mail address: bylines go in Dublin Core's `creator`,
// and the image also as Media RSS, which readers that ignore enclosures show.
const NAMESPACES = {
  '@_xmlns:atom': 'http://www.w3.org/2005/Atom',
  '@_xmlns:dc': 'http://purl.org/dc/elements/1.1/',
  '@_xmlns:media': 'http://search.yahoo.com/mrss/',
}

const itemOf = (item: FeedItem): XMLNode => ({
  title: item.title,
  link: item.url,
  description: item.summary,
  'dc:creator': item.authors.map((author) => author.name),
  category: item.categories.map((category) => ({ '#text': category.name, '@_domain': category.url })),
  enclosure: item.image && { '@_length': item.image.length, '@_type': item.image.type, '@_url': item.image.url },
  guid: { '#text': item.url, '@_isPermaLink': 'true' },
  pubDate: item.published.toUTCString(),
  'media:content': item.image && mediaContentOf(item.image),
})

/** An RSS 2.0 document (element order as the specification lists it). */
export const buildRSS = (feed: Feed): string =>
  buildXML({
    rss: {
      '@_version': '2.0',
      ...NAMESPACES,
      channel: {
        title: feed.title,
        link: feed.pageURL,
        description: feed.description,
        language: feed.language,
        lastBuildDate: feed.updated.toUTCString(),
        image: { url: feed.logoURL, title: feed.title, link: feed.pageURL },
        'atom:link': { '@_href': feed.selfURL, '@_rel': 'self', '@_type': 'application/rss+xml' },
        item: feed.items.map(itemOf),
      },
    },
  })
