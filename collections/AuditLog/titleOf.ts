import type { SanitizedCollectionConfig } from 'payload'

/** The document's title as the admin shows it (`useAsTitle`), kept in the entry as a snapshot. */
export const titleOf = (collection: SanitizedCollectionConfig, doc: object): null | string => {
  const value: unknown = collection.admin.useAsTitle ? Reflect.get(doc, collection.admin.useAsTitle) : undefined
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null
}
