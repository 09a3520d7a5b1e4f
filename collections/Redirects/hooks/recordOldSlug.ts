import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'

import type { RedirectedCollection, SlugDocument } from '../types'

import { liveSlugOf, publicSlugOf } from '../types'
import { REDIRECTS_SLUG } from '../slug'

/** Deletes the record of one old slug in one collection, whichever document it led to. */
const forgetOldSlug = (req: PayloadRequest, collection: RedirectedCollection, from: string) =>
  req.payload.delete({
    collection: REDIRECTS_SLUG,
    depth: 0,
    req,
    select: { from: true },
    where: { and: [{ from: { equals: from } }, { 'to.relationTo': { equals: collection } }] },
  })

/**
 * Keeps the redirects in step with the slugs readers know. When a document's public slug changes,
 * the one it leaves answers for the document (by id, so A→B then B→C sends A to C with no chain).
 * A slug that a document takes publicly is no one's old slug any more: the live document wins, and
 * renaming back to an old slug removes its redirect (no loop). Trusted system work: the records are
 * written by nobody else (`overrideAccess` is the default here, `req` keeps it in the write's transaction).
 */
export const recordOldSlug =
  (collection: RedirectedCollection): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, req }) => {
    const before = publicSlugOf(collection, previousDoc as SlugDocument)
    // `publishedSlug` is hidden, so missing from `doc`: as its hook stored it, the slug when published, else the one before.
    const stored: SlugDocument =
      collection === 'articles' ? { ...doc, publishedSlug: doc._status === 'published' ? doc.slug : previousDoc?.publishedSlug } : doc
    const now = publicSlugOf(collection, stored)
    if (now && now !== before) await forgetOldSlug(req, collection, now)
    if (!before || before === liveSlugOf(collection, stored)) return doc
    // One record per old slug: the newest move wins.
    await forgetOldSlug(req, collection, before)
    await req.payload.create({
      collection: REDIRECTS_SLUG,
      data: { from: before, to: { relationTo: collection, value: doc.id } },
      depth: 0,
      req,
      select: { from: true },
    })
    return doc
  }
