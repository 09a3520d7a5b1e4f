import type { CollectionSlug, DataFromCollectionSlug, Payload, Where } from 'payload'

/** Looks a seeded document up by its natural key (an email, a slug): how the seed stays idempotent. */
export const findOne = async <TSlug extends CollectionSlug>(
  payload: Payload,
  collection: TSlug,
  where: Where,
): Promise<DataFromCollectionSlug<TSlug> | undefined> => {
  const { docs } = await payload.find({ collection, depth: 0, limit: 1, overrideAccess: true, where })
  return docs[0] as DataFromCollectionSlug<TSlug> | undefined
}
