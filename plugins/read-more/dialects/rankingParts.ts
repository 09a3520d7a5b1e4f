import type { SQL } from 'drizzle-orm'

import type { DocumentID } from '../types'
import type { SQLFlavour } from './sqlFlavour'
import type { RankedDocument, RankStatementArgs } from './types'

import { getCollectionTables } from './drizzleSchema'

/**
 * The names and conditions every dialect's ranking statement uses; each dialect writes the
 * statement itself (how it weighs topics and fixes the join order differs).
 */
export const rankingParts = <Database>({ sql }: SQLFlavour<Database>, args: RankStatementArgs) => {
  const { exclude, excludedTopics, notBefore, options, payload, slug } = args
  const id = (name: string) => sql.identifier(name)
  const tables = getCollectionTables(payload, slug, options.tagsField)
  const list = (values: DocumentID[]) => sql.join(values.map((value) => sql`${value}`), sql`, `)
  const withoutTopics = sql`AND NOT EXISTS (
      SELECT 1 FROM ${id(tables.rels)} x
      WHERE x.${id(tables.parentColumn)} = c.id AND x.${id(tables.pathColumn)} = ${options.tagsField}
        AND x.${id(tables.topicColumn)} IN (${list(excludedTopics)}))`
  return {
    date: id(tables.dateColumn),
    /** The document itself and its curated links never come back, nor one carrying an excluded topic. */
    excluded: sql`${exclude.length ? sql`AND c.id NOT IN (${list(exclude)})` : sql``} ${excludedTopics.length ? withoutTopics : sql``}`,
    /** Only documents recent enough (`maxAgeDays`); `a` is the main table's row. */
    recent: notBefore ? sql`AND a.${id(tables.dateColumn)} >= ${notBefore}` : sql``,
    list,
    main: id(tables.main),
    parent: id(tables.parentColumn),
    path: id(tables.pathColumn),
    published: tables.statusColumn ? sql`AND a.${id(tables.statusColumn)} = 'published'` : sql``,
    rels: id(tables.rels),
    topic: id(tables.topicColumn),
  }
}

/** Runs a dialect's ranking statement on the shared connection: a read, outside any write's transaction. */
export const rankCandidatesWith =
  <Database>(flavour: SQLFlavour<Database>, buildRankQuery: (args: RankStatementArgs) => SQL) =>
  async (args: RankStatementArgs): Promise<RankedDocument[]> => {
    const db = await flavour.connect(args.payload)
    const rows = await flavour.rows<{ id: DocumentID; score: number | string }>(db, buildRankQuery(args))
    return rows.map((row) => ({ id: row.id, score: Number(row.score) }))
  }
