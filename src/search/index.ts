import type { CollectionConfig, Config, Plugin } from 'payload'

import { searchEndpoint } from './endpoint'
import { searchQuery } from './graphQL'
import { indexStory, noteTopicStories, reindexAfterTopicDelete, reindexTopicStories, unindexStory } from './hooks'
import { backfillIndex } from './reindex'

type Hooks = NonNullable<CollectionConfig['hooks']>

const withHooks = (collection: CollectionConfig, added: Partial<Hooks>): CollectionConfig => {
  const hooks: Hooks = { ...collection.hooks }
  for (const [name, list] of Object.entries(added) as [keyof Hooks, unknown[]][]) {
    hooks[name] = [...((hooks[name] as unknown[]) ?? []), ...list] as never
  }
  return { ...collection, hooks }
}

const topicHooks = (field: 'authors' | 'tags'): Partial<Hooks> => ({
  afterChange: [reindexTopicStories(field)],
  afterDelete: [reindexAfterTopicDelete(field)],
  beforeDelete: [noteTopicStories(field)],
})

/**
 * Full-text search over published stories: an index kept in step with every write of a story (and
 * of the tags and authors whose names it holds), `GET /api/search` and the GraphQL `Search` query.
 * The index table is made by each dialect's migration (`…_search_index`); a database that had
 * stories before it is filled at start-up.
 */
export const searchPlugin = (): Plugin => (config: Config): Config => ({
  ...config,
  collections: config.collections?.map((collection) => {
    if (collection.slug === 'articles') return withHooks(collection, { afterChange: [indexStory], afterDelete: [unindexStory] })
    if (collection.slug === 'tags' || collection.slug === 'authors') return withHooks(collection, topicHooks(collection.slug))
    return collection
  }),
  endpoints: [...(config.endpoints ?? []), searchEndpoint],
  graphQL: {
    ...config.graphQL,
    queries: (graphQL, info) => ({ ...config.graphQL?.queries?.(graphQL, info), Search: searchQuery(graphQL) }),
  },
  onInit: async (payload) => {
    // The original onInit applies the migrations that make the index table.
    await config.onInit?.(payload)
    await backfillIndex(payload)
  },
})
