import type { CollectionSlug, PayloadRequest } from 'payload'

export type DocumentID = number | string

/** Per-request memo of "may this reader see that document?", so a list asks once per related id. */
const readableCache = (req: PayloadRequest): Map<string, boolean> => {
  req.context.readableIDs ??= new Map<string, boolean>()
  return req.context.readableIDs as Map<string, boolean>
}

/** The subset of `ids` in `collection` that the request's user may read, by that collection's own access. */
export const readableIDs = async (
  req: PayloadRequest,
  collection: CollectionSlug,
  ids: DocumentID[],
): Promise<Set<string>> => {
  const cache = readableCache(req)
  const unknown = [...new Set(ids.map(String))].filter((id) => !cache.has(`${collection}:${id}`))
  if (unknown.length) {
    // Asked without `req` on purpose: no shared context, and the reader's own access decides.
    const { docs } = await req.payload.find({
      collection,
      depth: 0,
      limit: unknown.length,
      overrideAccess: false,
      pagination: false,
      select: {},
      user: req.user,
      where: { id: { in: unknown } },
    })
    const found = new Set(docs.map((doc) => String(doc.id)))
    for (const id of unknown) cache.set(`${collection}:${id}`, found.has(id))
  }
  return new Set(ids.map(String).filter((id) => cache.get(`${collection}:${id}`)))
}

/** The subset of `ids` in `collection` that exist at all: for trusted system writes that skip access control. */
export const existingIDs = async (
  req: PayloadRequest,
  collection: CollectionSlug,
  ids: DocumentID[],
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
