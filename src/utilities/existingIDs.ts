import type { CollectionSlug, PayloadRequest } from 'payload'

/** The subset of `ids` in `collection` that exist at all: for trusted system writes that skip access control. */
export const existingIDs = async (
  req: PayloadRequest,
  collection: CollectionSlug,
  ids: (number | string)[],
): Promise<Set<string>> => {
  const { docs } = await req.payload.find({
    collection,
    depth: 0,
    limit: ids.length,
    pagination: false,
    req,
    select: {},
    where: { id: { in: ids } },
  })
  return new Set(docs.map((doc) => String(doc.id)))
}
