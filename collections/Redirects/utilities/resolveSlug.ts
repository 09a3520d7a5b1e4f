import type { Payload, PayloadRequest, TypedUser } from 'payload'

import { extractID } from 'payload/shared'

import type { RedirectedCollection } from '../types'

import { REDIRECTS_SLUG } from '../slug'

export type ResolvedSlug = { collection: RedirectedCollection; id: number | string; slug: string }

type ResolveArgs = {
  collection: RedirectedCollection
  payload: Payload
  req?: Partial<PayloadRequest>
  slug: string
  user: null | TypedUser | undefined
}

/** The document the reader may read under this slug, at its current slug, or null. */
const readAs = async ({ collection, payload, req, user }: ResolveArgs, where: { id: { equals: number | string } } | { slug: { equals: string } }) => {
  const { docs } = await payload.find({
    collection,
    depth: 0,
    limit: 1,
    overrideAccess: false,
    pagination: false,
    req,
    select: { slug: true },
    user,
    where,
  })
  const doc = docs[0] as undefined | { id: number | string; slug?: null | string }
  return doc?.slug ? { collection, id: doc.id, slug: doc.slug } : null
}

/**
 * Where a slug leads for this reader: the live document that has it, else the document that had it
 * (its redirect), each read with the reader's own access, so a draft, an unpublished story or an
 * internal tag is never revealed (null). The redirect record itself is read as trusted system work:
 * only the access check on its target decides what the reader learns.
 */
export const resolveSlug = async (args: ResolveArgs): Promise<null | ResolvedSlug> => {
  const live = await readAs(args, { slug: { equals: args.slug } })
  if (live) return live
  const { docs } = await args.payload.find({
    collection: REDIRECTS_SLUG,
    depth: 0,
    limit: 1,
    pagination: false,
    req: args.req,
    select: { to: true },
    sort: '-createdAt',
    where: { and: [{ from: { equals: args.slug } }, { 'to.relationTo': { equals: args.collection } }] },
  })
  const target = docs[0]?.to
  if (!target) return null
  return readAs(args, { id: { equals: extractID(target.value) } })
}
