import type { Payload, PayloadRequest } from 'payload'

import { APIError } from 'payload'
import toSnakeCase from 'to-snake-case'

import { TOPIC_COUNTS_SLUG } from '../collections/topicCounts'
import { topicCollectionOf } from '../utilities/topicCollection'

/**
 * What the plugin reads of a Drizzle-based adapter (`@payloadcms/db-sqlite`, `@payloadcms/db-postgres`
 * alike): its connection, its built tables keyed by database name, and the map from a slug's
 * default table name to the one in use (a collection's `dbName`). Read-only: nothing here changes them.
 */
type DrizzleSchema = {
  drizzle: unknown
  relationshipsSuffix?: string
  tableNameMap: Map<string, string>
  tables: Record<string, Record<string, unknown> | undefined>
}

const schemaOf = (payload: Payload): DrizzleSchema => payload.db as unknown as DrizzleSchema

/**
 * The connection of the request's transaction when there is one, so a hook sees the rows its own
 * operation just wrote; `payload.db.drizzle` otherwise. Each dialect narrows the type.
 */
export const connectionFor = async (payload: Payload, req?: Partial<PayloadRequest>): Promise<unknown> => {
  const transactionID = req?.transactionID ? await req.transactionID : undefined
  const session = transactionID !== undefined ? payload.db.sessions?.[transactionID] : undefined
  return session?.db ?? schemaOf(payload).drizzle
}

const tableFor = (payload: Payload, name: string): Record<string, unknown> => {
  const table = schemaOf(payload).tables[name]
  if (!table) throw new APIError(`readMorePlugin: the database schema has no table "${name}".`, 500)
  return table
}

/** The database name of a field's column (custom `dbName`s included), read from the built table. */
export const getColumnName = (payload: Payload, tableName: string, key: string): string => {
  const column = tableFor(payload, tableName)[key] as undefined | { name?: unknown }
  if (typeof column?.name !== 'string') {
    throw new APIError(`readMorePlugin: the table "${tableName}" has no column for "${key}".`, 500)
  }
  return column.name
}

/** A collection's table name, looked up the way Payload's own Drizzle adapter does. */
export const getTableName = (payload: Payload, slug: string): string => {
  const name = schemaOf(payload).tableNameMap.get(toSnakeCase(slug)) ?? toSnakeCase(slug)
  tableFor(payload, name)
  return name
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

/** The field automatic links are dated by: `publishedAt` when the collection has that date field, else `createdAt`. */
export const dateFieldOf = (payload: Payload, slug: string): 'createdAt' | 'publishedAt' =>
  payload.collections[slug as keyof typeof payload.collections].config.flattenedFields.some(
    (field) => field.name === 'publishedAt' && field.type === 'date',
  )
    ? 'publishedAt'
    : 'createdAt'

/** Actual table and column names for a collection and its topics field, read from the adapter's built schema. */
export const getCollectionTables = (payload: Payload, slug: string, tagsField: string): CollectionTables => {
  const collection = payload.collections[slug as keyof typeof payload.collections].config
  const topicSlug = topicCollectionOf(payload, slug, tagsField)
  const main = getTableName(payload, collection.slug)
  const rels = `${main}${schemaOf(payload).relationshipsSuffix ?? '_rels'}`
  return {
    dateColumn: getColumnName(payload, main, dateFieldOf(payload, slug)),
    main,
    parentColumn: getColumnName(payload, rels, 'parent'),
    pathColumn: getColumnName(payload, rels, 'path'),
    rels,
    statusColumn: collection.versions?.drafts ? getColumnName(payload, main, '_status') : undefined,
    topicColumn: getColumnName(payload, rels, `${topicSlug}ID`),
  }
}

export type CountsTable = { collection: string; documents: string; name: string; topic: string }

/** The names of the hidden topic-counts table and its columns. */
export const getCountsTable = (payload: Payload): CountsTable => {
  const name = getTableName(payload, TOPIC_COUNTS_SLUG)
  return {
    collection: getColumnName(payload, name, 'collectionSlug'),
    documents: getColumnName(payload, name, 'documents'),
    name,
    topic: getColumnName(payload, name, 'topic'),
  }
}
