import type { Plugin } from 'payload'

import type { ReadMoreOptions } from './types'

import { topicCountsCollection } from './collections/topicCounts'
import { readMoreQuery } from './endpoints/readMoreQuery'
import { findDialect } from './dialects'
import { buildMissingTopicCounts } from './hooks/buildMissingTopicCounts'
import { extendCollection } from './utilities/extendCollection'
import { sanitizeOptions } from './utilities/sanitizeOptions'
import { validateAgainstConfig } from './utilities/validateAgainstConfig'

export type { ReadMoreFieldsOverride, ReadMoreLink, ReadMoreOptions, SanitizedReadMoreOptions, SimilarText, SimilarTextArgs } from './types'
export { TOPIC_COUNTS_SLUG } from './collections/topicCounts'
export { getReadMoreLinks, rebuildReadMoreCounts } from './utilities/getReadMoreLinks'

/**
 * "Read more about": curated and automatic related links on the configured collections.
 * Adds a `readMore` field, `GET /api/<collection>/:id/read-more`, the `ReadMore` GraphQL query
 * and a hidden collection of topic counts. See README.md.
 */
export const readMorePlugin = (incomingOptions?: ReadMoreOptions): Plugin => {
  const options = sanitizeOptions(incomingOptions)
  return (config) => {
    validateAgainstConfig(options, config)
    const collections = [
      ...(config.collections ?? []).map((collection) =>
        options.collections.includes(collection.slug) ? extendCollection(collection, options) : collection,
      ),
      // Kept while disabled too: its table is part of the schema the migrations create.
      topicCountsCollection(),
    ]
    // Indexes are schema too: added whether or not the plugin is disabled.
    const dialect = findDialect(config.db?.name)
    const db = dialect ? dialect.addTopicIndexes(config.db, options) : config.db
    if (options.disabled) return { ...config, collections, db }
    const { graphQL, onInit } = config
    return {
      ...config,
      collections,
      db,
      graphQL: {
        ...graphQL,
        queries: (GraphQL, context) => ({
          ...graphQL?.queries?.(GraphQL, context),
          ReadMore: readMoreQuery(GraphQL, options, context.config.db.defaultIDType === 'number' ? 'number' : 'text'),
        }),
      },
      onInit: async (payload) => {
        await onInit?.(payload)
        await buildMissingTopicCounts(payload, options)
      },
    }
  }
}
