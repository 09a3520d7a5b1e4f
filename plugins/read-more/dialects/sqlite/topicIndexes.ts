import type { SQLiteAdapter, SQLiteSchemaHook } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj, Payload } from 'payload'

import { index } from '@payloadcms/db-sqlite/drizzle/sqlite-core'

import type { SanitizedReadMoreOptions } from '../../types'

import { topicCollectionOf } from '../../utilities/topicCollection'
import { getCollectionTables } from '../drizzleSchema'

type Columns = Record<string, Parameters<ReturnType<typeof index>['on']>[0]>

/** Index names, derived from the relationships table so two collections never clash. */
export const topicIndexNames = (rels: string) => ({
  byParent: `${rels}_read_more_parent_idx`,
  byTopic: `${rels}_read_more_topic_idx`,
})

/**
 * Two covering indexes on each configured collection's relationships table, so the ranking reads
 * index pages only: (topic, path, parent) walks a topic's newest documents, (parent, path, topic)
 * scores a candidate. Without them each step is a table lookup, and at 100k stories those pages
 * no longer fit SQLite's cache. Added to the schema, so `migrate:create` writes them.
 */
const indexTopics =
  (payload: Payload, options: SanitizedReadMoreOptions): SQLiteSchemaHook =>
  ({ extendTable, schema }) => {
    for (const slug of options.collections) {
      const { rels } = getCollectionTables(payload, slug, options.tagsField)
      const names = topicIndexNames(rels)
      const topic = `${topicCollectionOf(payload, slug, options.tagsField)}ID`
      extendTable({
        extraConfig: (columns: Columns) => ({
          [names.byParent]: index(names.byParent).on(columns.parent, columns.path, columns[topic]),
          [names.byTopic]: index(names.byTopic).on(columns[topic], columns.path, columns.parent),
        }),
        table: schema.tables[rels],
      })
    }
    return schema
  }

/**
 * The adapter, unchanged except for the schema hook above. `afterSchemaInit` is the adapter's
 * documented extension point; it is set on the adapter `init` returns, a new object each time,
 * so the config's own adapter object is not touched.
 */
export const addTopicIndexes = (db: DatabaseAdapterObj, options: SanitizedReadMoreOptions): DatabaseAdapterObj => ({
  ...db,
  init: (args) => {
    const adapter = db.init(args) as unknown as SQLiteAdapter
    adapter.afterSchemaInit = [...(adapter.afterSchemaInit ?? []), indexTopics(args.payload, options)]
    return adapter as unknown as ReturnType<DatabaseAdapterObj['init']>
  },
})
