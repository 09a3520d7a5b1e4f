import type { DocumentID } from '../types'
import type { SQLFlavour } from './sqlFlavour'
import type { CountsTarget, StoredState, TopicCounts } from './types'

import { ALL_TOPICS } from '../collections/topicCounts'
import { type CollectionTables, type CountsTable, getCollectionTables, getCountsTable } from './drizzleSchema'

/**
 * The topic-count statements every dialect runs alike. `recountTopics` is each dialect's own: how
 * it passes a list of topics so that each count reads the (topic, path, parent) index differs.
 */
export const topicCountStatements = <Database>(flavour: SQLFlavour<Database>) => {
  const { sql } = flavour
  /** A quoted table or column name: every name comes from the built schema, never from a request. */
  const id = (name: string) => sql.identifier(name)
  const asText = (value: ReturnType<typeof sql>) => sql`CAST(${value} AS ${sql.raw(flavour.textType)})`

  const publishedOnly = (tables: CollectionTables) =>
    tables.statusColumn ? sql`AND a.${id(tables.statusColumn)} = 'published'` : sql``

  const upsert = (counts: CountsTable) =>
    sql`ON CONFLICT (${id(counts.collection)}, ${id(counts.topic)}) DO UPDATE SET ${id(counts.documents)} = excluded.${id(counts.documents)}`

  const insertInto = (counts: CountsTable) =>
    sql`INSERT INTO ${id(counts.name)} (${id(counts.collection)}, ${id(counts.topic)}, ${id(counts.documents)})`

  const prepare = async ({ options, payload, req, slug }: CountsTarget) => ({
    counts: getCountsTable(payload),
    db: await flavour.connect(payload, req),
    tables: getCollectionTables(payload, slug, options.tagsField),
  })

  /** Recounts the collection's total of published documents. */
  const countAll = async (db: Database, counts: CountsTable, tables: CollectionTables, slug: string) => {
    await flavour.run(db, sql`
      ${insertInto(counts)}
      SELECT ${asText(sql`${slug}`)}, ${asText(sql`${ALL_TOPICS}`)}, count(*) FROM ${id(tables.main)} a WHERE true ${publishedOnly(tables)}
      ${upsert(counts)}`)
  }

  /** Counts every topic of a collection from scratch, in one pass. */
  const rebuildTopicCounts = async (target: CountsTarget): Promise<void> => {
    const { counts, db, tables } = await prepare(target)
    await flavour.run(db, sql`DELETE FROM ${id(counts.name)} WHERE ${id(counts.collection)} = ${target.slug}`)
    await flavour.run(db, sql`
      ${insertInto(counts)}
      SELECT ${asText(sql`${target.slug}`)}, ${asText(sql`r.${id(tables.topicColumn)}`)}, count(*)
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
  const readStoredState = async (target: CountsTarget, docID: DocumentID): Promise<StoredState | undefined> => {
    const { db, tables } = await prepare(target)
    const status = tables.statusColumn ? asText(sql`a.${id(tables.statusColumn)}`) : sql`'published'`
    const rows = await flavour.rows<{ status: null | string; topic: null | number | string }>(db, sql`
      SELECT ${status} AS status, r.${id(tables.topicColumn)} AS topic
      FROM ${id(tables.main)} a LEFT JOIN ${id(tables.rels)} r
        ON r.${id(tables.parentColumn)} = a.id AND r.${id(tables.pathColumn)} = ${target.options.tagsField}
      WHERE a.id = ${docID}`)
    if (!rows.length) return undefined
    const topics = rows.flatMap(({ topic }) => (topic === null ? [] : [String(topic)])).sort()
    return { published: rows[0].status === 'published', topics }
  }

  const hasTopicCounts = async (target: CountsTarget): Promise<boolean> => {
    const { counts, db } = await prepare(target)
    const rows = await flavour.rows(
      db,
      sql`SELECT 1 FROM ${id(counts.name)} WHERE ${id(counts.collection)} = ${target.slug} AND ${id(counts.topic)} = ${ALL_TOPICS}`,
    )
    return rows.length > 0
  }

  const readTopicCounts = async (target: CountsTarget, topics: DocumentID[]): Promise<TopicCounts> => {
    const { counts, db } = await prepare(target)
    const keys = [ALL_TOPICS, ...topics.map(String)]
    // One lookup by the unique (collection, topic) index per key: given an IN list, PostgreSQL
    // reads the whole table while it is small, which it stays only as long as the topics are few.
    // `column1` is the name both dialects give a VALUES list's column.
    const rows = await flavour.rows<{ documents: null | number | string; topic: string }>(db, sql`
      SELECT k.column1 AS topic, (
        SELECT c.${id(counts.documents)} FROM ${id(counts.name)} c
        WHERE c.${id(counts.collection)} = ${target.slug} AND c.${id(counts.topic)} = k.column1
      ) AS documents
      FROM (VALUES ${sql.join(keys.map((key) => sql`(${asText(sql`${key}`)})`), sql`, `)}) k`)
    const byTopic = new Map(rows.flatMap((row) => (row.documents === null ? [] : [[String(row.topic), Number(row.documents)] as const])))
    return { byTopic, total: byTopic.get(ALL_TOPICS) ?? 0 }
  }

  return {
    asText,
    countAll,
    hasTopicCounts,
    id,
    insertInto,
    prepare,
    publishedOnly,
    readStoredState,
    readTopicCounts,
    rebuildTopicCounts,
    upsert,
  }
}
