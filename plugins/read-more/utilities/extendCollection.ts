import type { CollectionConfig, Field } from 'payload'

import type { SanitizedReadMoreOptions } from '../types'

import { readMoreBySlugEndpoint, readMoreEndpoint } from '../endpoints/readMoreEndpoint'
import { readMoreField } from '../fields/readMoreField'
import { recountTopicsAfterChange } from '../hooks/recountTopicsAfterChange'
import { recountTopicsAfterDelete } from '../hooks/recountTopicsAfterDelete'
import { rememberStoredTopics } from '../hooks/rememberStoredTopics'
import { findTopLevelField } from './findTopLevelField'
import { OPTIONS_KEY } from './optionsOf'
import { READ_MORE_FIELD } from './validateAgainstConfig'

const fieldsFor = (collection: CollectionConfig, options: SanitizedReadMoreOptions): Field[] => {
  const defaultFields: Field[] = [readMoreField(collection.slug, options)]
  if (!options.fields) return defaultFields
  const fields = options.fields({ defaultFields })
  const field = Array.isArray(fields) ? findTopLevelField(fields, READ_MORE_FIELD) : undefined
  if (field?.type !== 'array') {
    throw new Error(
      `readMorePlugin: option \`fields\` must return the "${READ_MORE_FIELD}" array at the top level of the document (in "${collection.slug}").`,
    )
  }
  return fields
}

/** A copy of the collection with the field, and unless disabled the hooks and the endpoint. */
export const extendCollection = (collection: CollectionConfig, options: SanitizedReadMoreOptions): CollectionConfig => {
  const fields = [...collection.fields, ...fieldsFor(collection, options)]
  // Server-only: lets the Local API helper find the options the collection was set up with.
  const custom = { ...collection.custom, [OPTIONS_KEY]: options }
  if (options.disabled) return { ...collection, custom, fields }
  const hasSlugField = findTopLevelField(collection.fields, 'slug') !== undefined
  return {
    ...collection,
    custom,
    endpoints:
      collection.endpoints === false
        ? false
        : [
            // Before the by-id route: `/read-more` must not be read as a document id.
            ...(hasSlugField ? [readMoreBySlugEndpoint(collection.slug, options)] : []),
            ...(collection.endpoints ?? []),
            readMoreEndpoint(collection.slug, options),
          ],
    fields,
    hooks: {
      ...collection.hooks,
      // After the collection's own hooks: the counts are taken from the rows as finally written.
      afterChange: [...(collection.hooks?.afterChange ?? []), recountTopicsAfterChange(options)],
      afterDelete: [...(collection.hooks?.afterDelete ?? []), recountTopicsAfterDelete(options)],
      // Last too: whatever the collection's own hooks change, the stored row is what was read.
      beforeChange: [...(collection.hooks?.beforeChange ?? []), rememberStoredTopics(options)],
    },
  }
}
