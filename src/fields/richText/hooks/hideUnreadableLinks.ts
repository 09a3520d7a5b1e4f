import type { CollectionSlug, RichTextHooks } from 'payload'

import { readableIDs } from '@plugins/public-reads'

import type { RichTextRules } from '../rules'

import { findInternalLinks, idsByCollection, targetKey, unwrapLinks } from '../internalLinks'

type AfterReadRichTextHook = NonNullable<RichTextHooks['afterRead']>[number]

/**
 * Rich text is public JSON: an internal link to a document the reader may not see (a draft, an
 * internal tag, a deleted story) would hand out its id, which Payload keeps even when it cannot
 * populate it. Such a link becomes its own text before Lexical populates the others, on REST,
 * GraphQL and the Local API, at every depth (a populated story's body passes here too). One
 * query per target collection per document, remembered for the rest of the request.
 */
export const hideUnreadableLinks =
  ({ linkCollections }: Pick<RichTextRules, 'linkCollections'>): AfterReadRichTextHook =>
  async ({ overrideAccess, req, value }) => {
    // Trusted system work (the Local API's default) sees every stored link, as with other relations.
    if (overrideAccess) return value
    const links = findInternalLinks(value)
    if (!links.length) return value
    const readable = new Set<string>()
    await Promise.all(
      [...idsByCollection(links)]
        .filter(([collection]) => linkCollections.includes(collection))
        .map(async ([collection, ids]) => {
          for (const id of await readableIDs(req, collection as CollectionSlug, ids)) readable.add(targetKey({ id, relationTo: collection }))
        }),
    )
    return unwrapLinks(value, new Set(links.filter((link) => !readable.has(targetKey(link))).map(({ node }) => node)))
  }
