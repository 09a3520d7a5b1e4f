import type { Payload } from 'payload'

/** The slug of the collection `tagsField` relates to in `slug` (checked to be a single one at config time). */
export const topicCollectionOf = (payload: Payload, slug: string, tagsField: string): string => {
  const collection = payload.collections[slug as keyof typeof payload.collections]
  const field = collection?.config.flattenedFields.find((candidate) => candidate.name === tagsField)
  if (!field || field.type !== 'relationship' || typeof field.relationTo !== 'string') {
    throw new Error(`readMorePlugin: "${slug}.${tagsField}" is not a relationship to one collection.`)
  }
  return field.relationTo
}
