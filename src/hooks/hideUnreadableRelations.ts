import type { CollectionAfterReadHook, CollectionSlug, PayloadRequest } from 'payload'

import { isStaff } from '@/access/roles'

type RelationToCheck = { name: string; relationTo: CollectionSlug }

type Value = number | string | { id: number | string }

const isBareID = (value: unknown): value is number | string =>
  typeof value === 'number' || typeof value === 'string'

/** Per-request memo of "may this reader see that document?", so a list asks once per related id. */
const readableCache = (req: PayloadRequest): Map<string, boolean> => {
  req.context.readableRelations ??= new Map<string, boolean>()
  return req.context.readableRelations as Map<string, boolean>
}

const filterReadable = async (
  req: PayloadRequest,
  relationTo: CollectionSlug,
  ids: (number | string)[],
): Promise<Set<number | string>> => {
  const cache = readableCache(req)
  const unknown = ids.filter((id) => !cache.has(`${relationTo}:${id}`))
  if (unknown.length) {
    // Asked without `req` on purpose: no shared context, and the reader's own access decides.
    const { docs } = await req.payload.find({
      collection: relationTo,
      depth: 0,
      limit: unknown.length,
      overrideAccess: false,
      pagination: false,
      select: {},
      user: req.user,
      where: { id: { in: unknown } },
    })
    const found = new Set(docs.map((doc) => String(doc.id)))
    for (const id of unknown) cache.set(`${relationTo}:${id}`, found.has(String(id)))
  }
  return new Set(ids.filter((id) => cache.get(`${relationTo}:${id}`)))
}

/**
 * Payload leaves a related document the reader may not see as a bare id. For the public,
 * even that id is private (a draft's or an internal tag's), so such entries are removed.
 */
export const hideUnreadableRelations =
  (relations: RelationToCheck[]): CollectionAfterReadHook =>
  async ({ doc, req }) => {
    if (isStaff(req.user)) return doc
    for (const { name, relationTo } of relations) {
      const value = doc[name] as null | undefined | Value | Value[]
      if (value === null || value === undefined) continue
      const values = Array.isArray(value) ? value : [value]
      const bareIDs = values.filter(isBareID)
      if (!bareIDs.length) continue
      const readable = await filterReadable(req, relationTo, bareIDs)
      const visible = values.filter((item) => !isBareID(item) || readable.has(item))
      doc[name] = Array.isArray(value) ? visible : (visible[0] ?? null)
    }
    return doc
  }
