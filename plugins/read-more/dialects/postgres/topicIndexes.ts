import type { PostgresAdapter, PostgresAdapterArgs } from '@payloadcms/db-postgres'
import type { DatabaseAdapterObj, Payload } from 'payload'

import { index } from '@payloadcms/db-postgres/drizzle/pg-core'

import type { SanitizedReadMoreOptions } from '../../types'

import { topicCollectionOf } from '../../utilities/topicCollection'
import { getCollectionTables } from '../drizzleSchema'
import { topicIndexNames } from '../sqlite/topicIndexes'

type PostgresSchemaHook = NonNullable<PostgresAdapterArgs['afterSchemaInit']>[number]
type Columns = Record<string, Parameters<ReturnType<typeof index>['on']>[0]>

/**
 * The same two covering indexes as on SQLite (see `../sqlite/topicIndexes.ts`): (topic, path,
 * parent) walks a topic's newest documents, (parent, path, topic) scores a candidate, both as
 * index-only scans once autovacuum has marked the pages visible. `migrate:create` writes them.
 */
const indexTopics =
  (payload: Payload, options: SanitizedReadMoreOptions): PostgresSchemaHook =>
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

/** The adapter, unchanged except for the schema hook above (see `../sqlite/topicIndexes.ts`). */
export const addTopicIndexes = (db: DatabaseAdapterObj, options: SanitizedReadMoreOptions): DatabaseAdapterObj => ({
  ...db,
  init: (args) => {
    const adapter = db.init(args) as unknown as PostgresAdapter
    adapter.afterSchemaInit = [...(adapter.afterSchemaInit ?? []), indexTopics(args.payload, options)]
    return adapter as unknown as ReturnType<DatabaseAdapterObj['init']>
  },
})
