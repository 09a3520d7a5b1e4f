import type { DatabaseAdapterObj, Payload } from 'payload'

import type { SanitizedReadMoreOptions } from '../types'

import { topicCollectionOf } from '../utilities/topicCollection'
import { getCollectionTables } from './drizzleSchema'

/** Index names, derived from the relationships table so two collections never clash. */
export const topicIndexNames = (rels: string) => ({
  byParent: `${rels}_read_more_parent_idx`,
  byTopic: `${rels}_read_more_topic_idx`,
})

/** Drizzle's `index` of one dialect (`sqlite-core` or `pg-core`): the two are alike but not one type. */
type IndexBuilder = (name: string) => { on: (...columns: never[]) => unknown }

type SchemaHookArgs = {
  extendTable: (args: { extraConfig: (columns: Record<string, never>) => Record<string, unknown>; table: unknown }) => unknown
  schema: { tables: Record<string, unknown> }
}
type SchemaHook = (args: SchemaHookArgs) => unknown
type AdapterWithSchemaHooks = { afterSchemaInit?: SchemaHook[] }

/**
 * Two covering indexes on each configured collection's relationships table, so the ranking reads
 * index pages only: (topic, path, parent) walks a topic's newest documents, (parent, path, topic)
 * scores a candidate. Without them each step is a table lookup (on SQLite, at 100k stories, those
 * pages no longer fit its cache; on PostgreSQL they are index-only scans once autovacuum has marked
 * the pages visible). Added to the schema, so `migrate:create` writes them.
 */
const indexTopics =
  (index: IndexBuilder, payload: Payload, options: SanitizedReadMoreOptions): SchemaHook =>
  ({ extendTable, schema }) => {
    for (const slug of options.collections) {
      const { rels } = getCollectionTables(payload, slug, options.tagsField)
      const names = topicIndexNames(rels)
      const topic = `${topicCollectionOf(payload, slug, options.tagsField)}ID`
      extendTable({
        extraConfig: (columns) => ({
          [names.byParent]: index(names.byParent).on(columns.parent, columns.path, columns[topic]),
          [names.byTopic]: index(names.byTopic).on(columns[topic], columns.path, columns.parent),
        }),
        table: schema.tables[rels],
      })
    }
    return schema
  }

/**
 * The adapter, unchanged except for the schema hook above. `afterSchemaInit` is the SQL adapters'
 * documented extension point; it is set on the adapter `init` returns, a new object each time, so
 * the config's own adapter object is not touched.
 */
export const addTopicIndexesWith =
  (index: IndexBuilder) =>
  (db: DatabaseAdapterObj, options: SanitizedReadMoreOptions): DatabaseAdapterObj => ({
    ...db,
    init: (args) => {
      const adapter = db.init(args) as unknown as AdapterWithSchemaHooks
      adapter.afterSchemaInit = [...(adapter.afterSchemaInit ?? []), indexTopics(index, args.payload, options)]
      return adapter as unknown as ReturnType<DatabaseAdapterObj['init']>
    },
  })
