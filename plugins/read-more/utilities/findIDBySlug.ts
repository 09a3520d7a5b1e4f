import type { CollectionSlug, Payload, PayloadRequest, TypedUser } from 'payload'

import type { DocumentID } from '../types'

import { NO_JOINS } from './readableDocuments'

type Args = { collection: string; payload: Payload; slug: unknown; user: null | PayloadRequest['user'] | TypedUser }

/**
 * The id of the document with this `slug` that the reader may read (the published version), or
 * undefined: a slug nobody may see answers as a missing one. Only for collections with a `slug` field.
 */
export const findIDBySlug = async ({ collection, payload, slug, user }: Args): Promise<DocumentID | undefined> => {
  if (typeof slug !== 'string' || slug.length === 0 || slug.length > 200) return undefined
  const { docs } = await payload.find({
    collection: collection as CollectionSlug,
    depth: 0,
    draft: false,
    joins: NO_JOINS,
    limit: 1,
    overrideAccess: false,
    pagination: false,
    select: {},
    user: user ?? undefined,
    where: { slug: { equals: slug } },
  })
  return docs[0]?.id
}
