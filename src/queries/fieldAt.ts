import type { FlattenedField, SanitizedCollectionConfig, SanitizedConfig } from 'payload'

import { buildVersionCollectionFields, getFieldByPath } from 'payload'

/** Every document's id: a queryable path that no field config names (unless the id is custom). */
export const ID_PATH = 'id'

const versionFields = new WeakMap<SanitizedCollectionConfig, FlattenedField[]>()

const versionFieldsOf = (config: SanitizedConfig, collection: SanitizedCollectionConfig): FlattenedField[] => {
  if (!versionFields.has(collection)) versionFields.set(collection, buildVersionCollectionFields(config, collection, true))
  return versionFields.get(collection)!
}

/**
 * The field a query path names: `title`, `tags.slug` through a relationship, or `version.title` in
 * a versions query (which the hooks see as a read too). Undefined when it names none; Payload's own
 * path validation answers those.
 */
export const fieldAt = (
  config: SanitizedConfig,
  collection: SanitizedCollectionConfig,
  path: string,
): FlattenedField | typeof ID_PATH | undefined => {
  if (path === ID_PATH) return ID_PATH
  const inDocument = getFieldByPath({ config, fields: collection.flattenedFields, includeRelationships: true, path })
  if (inDocument || !collection.versions) return inDocument?.field
  return getFieldByPath({ config, fields: versionFieldsOf(config, collection), includeRelationships: true, path })?.field
}
