import type { CollectionSlug, FilterOptions, PayloadRequest, Where } from 'payload'

/** What the public may read of a collection, by its own read access: true, false or a constraint. */
const publicReadAccess = async (req: PayloadRequest, slug: string): Promise<boolean | Where> => {
  const collection = req.payload.collections[slug as CollectionSlug]?.config
  const read = collection?.access?.read
  if (!read) return true
  try {
    return await read({ collectionConfig: collection, req: { ...req, user: null } })
  } catch (error) {
    // The picker then offers everything; saving still refuses what the public may not read.
    req.payload.logger.error({ err: error, msg: `readMorePlugin: could not evaluate ${slug}'s public read access` })
    return true
  }
}

/**
 * What the admin picker offers: never the document being edited (on create it has no id yet, so
 * nothing is left out), and only what saving would accept: documents the public may read, and
 * drafts of a collection with drafts. A staff-only tag is not offered only to be refused.
 */
export const offerLinkableTargets =
  (collectionSlug: string): FilterOptions =>
  async ({ id, relationTo, req }) => {
    const conditions: Where[] = []
    if (relationTo === collectionSlug && id !== undefined && id !== null) conditions.push({ id: { not_equals: id } })
    const hasDrafts = Boolean(req.payload.collections[relationTo]?.config.versions?.drafts)
    const draft: Where = { _status: { equals: 'draft' } }
    const publicRead = await publicReadAccess(req, relationTo)
    if (publicRead === false) {
      if (!hasDrafts) return false
      conditions.push(draft)
    } else if (publicRead !== true) {
      conditions.push(hasDrafts ? { or: [publicRead, draft] } : publicRead)
    }
    return conditions.length ? { and: conditions } : true
  }
