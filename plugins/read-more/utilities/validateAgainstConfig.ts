import type { CollectionConfig, Config } from 'payload'

import type { SanitizedReadMoreOptions } from '../types'

import { findDialect, supportedPackages } from '../dialects'
import { findTopLevelField } from './findTopLevelField'

/** The name of the field the plugin adds; part of the public contract (REST, GraphQL, Local API). */
export const READ_MORE_FIELD = 'readMore'

const names = (collections: readonly CollectionConfig[]) => collections.map(({ slug }) => slug).join(', ')

/**
 * Checks the options against the config they are installed in, so a typo fails `buildConfig`
 * with the option's name instead of surfacing later as a missing table or an empty list.
 */
export const validateAgainstConfig = (options: SanitizedReadMoreOptions, config: Config): void => {
  const collections = config.collections ?? []
  const bySlug = new Map(collections.map((collection) => [collection.slug, collection]))
  for (const option of ['collections', 'relationTo'] as const) {
    for (const slug of options[option]) {
      if (!bySlug.has(slug)) {
        throw new Error(
          `readMorePlugin: option \`${option}\` names "${slug}", which is not a collection in this config (known: ${names(collections)}).`,
        )
      }
    }
  }
  // The ranking and the counts are SQL written per adapter (dialects/); the fields alone work anywhere.
  // Failing here names the adapter at start-up, instead of a 500 on the first read.
  if (!options.disabled && !findDialect(config.db?.name)) {
    throw new Error(
      `readMorePlugin: automatic links are ranked in SQL and need ${supportedPackages()}; this config uses "${config.db?.name}". Set \`disabled: true\` to keep only the fields.`,
    )
  }
  for (const [slug, name] of Object.entries(options.titleFields)) {
    const collection = bySlug.get(slug)
    if (!collection) {
      throw new Error(`readMorePlugin: option \`titleFields\` names "${slug}", which is not a collection in this config (known: ${names(collections)}).`)
    }
    if (!findTopLevelField(collection.fields, name)) {
      throw new Error(`readMorePlugin: option \`titleFields\` titles "${slug}" by "${name}", which is not a top-level field of that collection.`)
    }
  }
  for (const slug of options.collections) {
    const collection = bySlug.get(slug)!
    const field = findTopLevelField(collection.fields, options.tagsField)
    const where = `option \`tagsField\` is "${options.tagsField}", but in the collection "${slug}"`
    if (!field) throw new Error(`readMorePlugin: ${where} there is no top-level field with that name.`)
    if (field.type !== 'relationship') {
      throw new Error(`readMorePlugin: ${where} it is a ${field.type} field, not a relationship.`)
    }
    if (typeof field.relationTo !== 'string' || !field.hasMany) {
      throw new Error(`readMorePlugin: ${where} it must be a hasMany relationship to one collection.`)
    }
    if (!bySlug.has(field.relationTo)) {
      throw new Error(`readMorePlugin: ${where} it relates to "${field.relationTo}", which is not a collection.`)
    }
    const topics = bySlug.get(field.relationTo)!
    if (options.excludeTags.length && !findTopLevelField(topics.fields, 'slug')) {
      throw new Error(`readMorePlugin: option \`excludeTags\` names topics by slug, but "${topics.slug}" has no top-level \`slug\` field.`)
    }
    if (findTopLevelField(collection.fields, READ_MORE_FIELD)) {
      throw new Error(`readMorePlugin: the collection "${slug}" already has a field named "${READ_MORE_FIELD}".`)
    }
  }
}
