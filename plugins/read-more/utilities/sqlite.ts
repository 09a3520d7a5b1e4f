import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload, PayloadRequest } from 'payload'

import { APIError } from 'payload'

export type Database = SQLiteAdapter['drizzle']

type Table = Record<string, unknown>

/** Payload's default table name for a slug (`read-more-topic-counts` → `read_more_topic_counts`). */
const snakeCase = (slug: string): string =>
  slug
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/[\W_]+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '_')

export const getSQLiteAdapter = (payload: Payload): SQLiteAdapter => {
  if (payload.db.name !== 'sqlite') {
    throw new APIError(`readMorePlugin needs @payloadcms/db-sqlite; this app uses "${payload.db.name}".`, 500)
  }
  return payload.db as unknown as SQLiteAdapter
}

/**
 * The connection of the request's transaction when there is one, so a hook sees the rows its own
 * operation just wrote; the shared connection otherwise.
 */
export const getDatabase = async (payload: Payload, req?: Partial<PayloadRequest>): Promise<Database> => {
  const adapter = getSQLiteAdapter(payload)
  const transactionID = req?.transactionID ? await req.transactionID : undefined
  const session = transactionID !== undefined ? adapter.sessions[transactionID] : undefined
  return (session?.db as Database | undefined) ?? adapter.drizzle
}

const columnName = (table: Table, key: string, tableName: string): string => {
  const column = table[key] as undefined | { name?: unknown }
  if (typeof column?.name !== 'string') {
    throw new APIError(`readMorePlugin: the table "${tableName}" has no column for "${key}".`, 500)
  }
  return column.name
}

const tableFor = (adapter: SQLiteAdapter, name: string): Table => {
  const table = adapter.tables[name] as Table | undefined
  if (!table) throw new APIError(`readMorePlugin: the database schema has no table "${name}".`, 500)
  return table
}

export type CollectionTables = {
  /** The column automatic links are ordered by after their score: `publishedAt` when the collection has it, else `createdAt`. */
  dateColumn: string
  main: string
  /** `parent_id` in the relationships table. */
  parentColumn: string
  /** `path` in the relationships table: the relationship field's name for a top-level field. */
  pathColumn: string
  rels: string
  /** `_status`, when the collection has drafts: only published documents are ranked. */
  statusColumn?: string
  /** The relationships table's column holding the topic's id, e.g. `tags_id`. */
  topicColumn: string
}

/** Actual table and column names for a collection, read from the adapter's built schema (custom `dbName`s included). */
export const getCollectionTables = (payload: Payload, slug: string, topicSlug: string): CollectionTables => {
  const adapter = getSQLiteAdapter(payload)
  const collection = payload.collections[slug as keyof typeof payload.collections].config
  const topics = payload.collections[topicSlug as keyof typeof payload.collections].config
  const main = adapter.tableNameMap.get(snakeCase(collection.slug)) ?? snakeCase(collection.slug)
  const rels = `${main}${adapter.relationshipsSuffix}`
  const mainTable = tableFor(adapter, main)
  const relsTable = tableFor(adapter, rels)
  const hasPublishedAt = collection.flattenedFields.some((field) => field.name === 'publishedAt' && field.type === 'date')
  return {
    dateColumn: columnName(mainTable, hasPublishedAt ? 'publishedAt' : 'createdAt', main),
    main,
    parentColumn: columnName(relsTable, 'parent', rels),
    pathColumn: columnName(relsTable, 'path', rels),
    rels,
    statusColumn: collection.versions?.drafts ? columnName(mainTable, '_status', main) : undefined,
    topicColumn: columnName(relsTable, `${topics.slug}ID`, rels),
  }
}

export const getTableName = (payload: Payload, slug: string): string => {
  const adapter = getSQLiteAdapter(payload)
  const name = adapter.tableNameMap.get(snakeCase(slug)) ?? snakeCase(slug)
  tableFor(adapter, name)
  return name
}

export const getColumnName = (payload: Payload, tableName: string, key: string): string =>
  columnName(tableFor(getSQLiteAdapter(payload), tableName), key, tableName)
