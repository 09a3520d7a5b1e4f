import type { SanitizedCollectionConfig, SanitizedConfig } from 'payload'

import { MalformedQuery } from './errors'
import { ID_PATH } from './fieldAt'

const SELECTED = new Set([true, false, 'true', 'false'])

/**
 * Throws a 400 naming a `select` key that is not a field of the collection, or a value that is
 * neither true/false nor a nested selection. Payload would drop unknown keys silently; naming them
 * catches typos and stops a client listing thousands of made-up fields.
 */
export const checkSelect = (select: unknown, collection: SanitizedCollectionConfig, name = 'select'): void => {
  if (select === undefined || select === null) return
  if (typeof select !== 'object' || select === null || Array.isArray(select)) {
    throw new MalformedQuery(`${name} must name fields, e.g. ${name}[title]=true.`)
  }
  const fields = new Set([ID_PATH, ...collection.flattenedFields.map((field) => field.name)])
  for (const [key, value] of Object.entries(select)) {
    if (!fields.has(key)) throw new MalformedQuery(`${name} names "${key}", which is not a field of ${collection.slug}.`)
    if (!SELECTED.has(value) && (typeof value !== 'object' || value === null)) {
      throw new MalformedQuery(`${name}[${key}] must be true, false or a selection of its subfields.`)
    }
  }
}

/** Throws a 400 naming a `populate` key that is no collection, or a selection that `checkSelect` refuses. */
export const checkPopulate = (populate: unknown, config: SanitizedConfig): void => {
  if (populate === undefined || populate === null) return
  if (typeof populate !== 'object' || populate === null || Array.isArray(populate)) {
    throw new MalformedQuery('populate must name collections, e.g. populate[authors][name]=true.')
  }
  for (const [slug, select] of Object.entries(populate)) {
    const collection = config.collections.find((each) => each.slug === slug)
    if (!collection) throw new MalformedQuery(`populate names "${slug}", which is not a collection.`)
    checkSelect(select, collection, `populate[${slug}]`)
  }
}
