import { type Feed, type FeedItem, mediaContentOf } from './model'

import { buildXML, type XMLNode } from '../xml'

const entryOf = (item: FeedItem): XMLNode => ({
  title: item.title,
  id: item.url,
  link: [
    { '@_href': item.url, '@_rel': 'alternate', '@_type': 'text/html' },
    ...(item.image ? [{ '@_href': item.image.url, '@_length': item.image.length, '@_rel': 'enclosure', '@_type': item.image.type }] : []),
  ],
  published: item.published.toISOString(),
  updated: item.updated.toISOString(),
  author: item.authors.map((author) => ({ name: author.name, uri: author.url })),
  category: item.categories.map((category) => ({ '@_label': category.name, '@_scheme': category.url.replace(/[^/]+$/, ''), '@_term': category.slug })),
  summary: { '#text': item.summary, '@_type': 'text' },
  'media:content': item.image && mediaContentOf(item.image),
})

/** An Atom 1.0 (RFC 4287) document. */
export const buildAtom = (feed: Feed): string =>
  buildXML({
    feed: {
      '@_xml:lang': feed.language,
      '@_xmlns': 'http://www.w3.org/2005/Atom',
      '@_xmlns:media': 'http://search.yahoo.com/mrss/',
      title: feed.title,
      subtitle: feed.description,
      id: feed.selfURL,
      link: [
        { '@_href': feed.selfURL, '@_rel': 'self', '@_type': 'application/atom+xml' },
        { '@_href': feed.pageURL, '@_rel': 'alternate', '@_type': 'text/html' },
      ],
      updated: feed.updated.toISOString(),
      logo: feed.logoURL,
      entry: feed.items.map(entryOf),
    },
  })
