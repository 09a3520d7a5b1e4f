import { sql } from '@payloadcms/db-postgres'

import type { DocumentID } from '../../types'
import type { CountsTarget, StoredState, TopicCounts } from '../types'

import { ALL_TOPICS } from '../../collections/topicCounts'
import { type CollectionTables, type CountsTable, getCollectionTables, getCountsTable } from '../drizzleSchema'
import { id, type PostgresDatabase, postgresConnection, rowsOf } from './connection'

const publishedOnly = (tables: CollectionTables) =>
  tables.statusColumn ? sql`AND a.${id(tables.statusColumn)} = 'published'` : sql``

/** A value for a text column of the counts table: parameters in a SELECT list have no type of their own. */
const text = (value: string) => sql`CAST(${value} AS varchar)`

const upsert = (counts: CountsTable) =>
  sql`ON CONFLICT (${id(counts.collection)}, ${id(counts.topic)}) DO UPDATE SET ${id(counts.documents)} = excluded.${id(counts.documents)}`

const countAll = async (db: PostgresDatabase, counts: CountsTable, tables: CollectionTables, slug: string) => {
  await db.execute(sql`
    INSERT INTO ${id(counts.name)} (${id(counts.collection)}, ${id(counts.topic)}, ${id(counts.documents)})
    SELECT ${text(slug)}, ${text(ALL_TOPICS)}, count(*) FROM ${id(tables.main)} a WHERE true ${publishedOnly(tables)}
    ${upsert(counts)}`)
}

const prepare = async ({ options, payload, req, slug }: CountsTarget) => ({
  counts: getCountsTable(payload),
  db: await postgresConnection(payload, req),
  tables: getCollectionTables(payload, slug, options.tagsField),
})

/**
 * Recounts, from the stored rows, the published documents carrying each of `topics` and the
 * collection's total. Recounting instead of adding and subtracting keeps the counts exact
 * whatever the save did (publish, unpublish, retag, a draft of a published story, a delete).
 */
export const recountTopics = async (target: CountsTarget, topics: DocumentID[]): Promise<void> => {
  const { counts, db, tables } = await prepare(target)
  // One statement per topic (a document has a few): the topic is compared with the column as
  // a parameter of the column's type, so each count reads the (topic, path, parent) index.
  for (const topic of [...new Set(topics.map(String))]) {
    await db.execute(sql`
      INSERT INTO ${id(counts.name)} (${id(counts.collection)}, ${id(counts.topic)}, ${id(counts.documents)})
      SELECT ${text(target.slug)}, ${text(topic)}, count(*)
      FROM ${id(tables.rels)} r JOIN ${id(tables.main)} a ON a.id = r.${id(tables.parentColumn)}
      WHERE r.${id(tables.topicColumn)} = ${topic} AND r.${id(tables.pathColumn)} = ${target.options.tagsField} ${publishedOnly(tables)}
      ${upsert(counts)}`)
  }
  await countAll(db, counts, tables, target.slug)
}

/** Counts every topic of a collection from scratch, in one pass. */
export const rebuildTopicCounts = async (target: CountsTarget): Promise<void> => {
  const { counts, db, tables } = await prepare(target)
  await db.execute(sql`DELETE FROM ${id(counts.name)} WHERE ${id(counts.collection)} = ${target.slug}`)
  await db.execute(sql`
    INSERT INTO ${id(counts.name)} (${id(counts.collection)}, ${id(counts.topic)}, ${id(counts.documents)})
    SELECT ${text(target.slug)}, CAST(r.${id(tables.topicColumn)} AS varchar), count(*)
    FROM ${id(tables.rels)} r JOIN ${id(tables.main)} a ON a.id = r.${id(tables.parentColumn)}
    WHERE r.${id(tables.pathColumn)} = ${target.options.tagsField} AND r.${id(tables.topicColumn)} IS NOT NULL ${publishedOnly(tables)}
    GROUP BY r.${id(tables.topicColumn)}`)
  await countAll(db, counts, tables, target.slug)
}

/**
 * The document's row as stored in the collection's table, read in the request's transaction.
 * Not the hook's `previousDoc`: after a draft save that is the draft, while the counts follow
 * the stored (published) row.
 */
export const readStoredState = async (target: CountsTarget, docID: DocumentID): Promise<StoredState | undefined> => {
  const { db, tables } = await prepare(target)
  const status = tables.statusColumn ? sql`CAST(a.${id(tables.statusColumn)} AS varchar)` : sql`'published'`
  const rows = await rowsOf<{ status: null | string; topic: null | number | string }>(db, sql`
    SELECT ${status} AS status, r.${id(tables.topicColumn)} AS topic
    FROM ${id(tables.main)} a LEFT JOIN ${id(tables.rels)} r
      ON r.${id(tables.parentColumn)} = a.id AND r.${id(tables.pathColumn)} = ${target.options.tagsField}
    WHERE a.id = ${docID}`)
  if (!rows.length) return undefined
  const topics = rows.flatMap(({ topic }) => (topic === null ? [] : [String(topic)])).sort()
  return { published: rows[0].status === 'published', topics }
}

export const hasTopicCounts = async (target: CountsTarget): Promise<boolean> => {
  const { counts, db } = await prepare(target)
  const rows = await rowsOf(
    db,
    sql`SELECT 1 FROM ${id(counts.name)} WHERE ${id(counts.collection)} = ${target.slug} AND ${id(counts.topic)} = ${ALL_TOPICS}`,
  )
  return rows.length > 0
}

export const readTopicCounts = async (target: CountsTarget, topics: DocumentID[]): Promise<TopicCounts> => {
  const { counts, db } = await prepare(target)
  const keys = [ALL_TOPICS, ...topics.map(String)]
  const rows = await rowsOf<{ documents: number | string; topic: string }>(db, sql`
    SELECT ${id(counts.topic)} AS topic, ${id(counts.documents)} AS documents FROM ${id(counts.name)}
    WHERE ${id(counts.collection)} = ${target.slug} AND ${id(counts.topic)} IN (${sql.join(keys.map((key) => sql`${key}`), sql`, `)})`)
  const byTopic = new Map(rows.map((row) => [String(row.topic), Number(row.documents)]))
  return { byTopic, total: byTopic.get(ALL_TOPICS) ?? 0 }
}
