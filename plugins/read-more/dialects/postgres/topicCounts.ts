import type { DocumentID } from '../../types'
import type { CountsTarget } from '../types'

import { topicCountStatements } from '../topicCountStatements'
import { postgresFlavour } from './connection'

const { asText, countAll, id, insertInto, prepare, publishedOnly, upsert, ...shared } = topicCountStatements(postgresFlavour)
const { sql } = postgresFlavour

export const { hasTopicCounts, readStoredState, readTopicCounts, rebuildTopicCounts } = shared

/**
 * Recounts, from the stored rows, the published documents carrying each of `topics` and the
 * collection's total (see the SQLite dialect for why it recounts). One statement per topic (a
 * document has a few): the topic is compared with the column as a parameter of the column's
 * type, so each count reads the (topic, path, parent) index.
 */
export const recountTopics = async (target: CountsTarget, topics: DocumentID[]): Promise<void> => {
  const { counts, db, tables } = await prepare(target)
  for (const topic of [...new Set(topics.map(String))]) {
    await postgresFlavour.run(db, sql`
      ${insertInto(counts)}
      SELECT ${asText(sql`${target.slug}`)}, ${asText(sql`${topic}`)}, count(*)
      FROM ${id(tables.rels)} r JOIN ${id(tables.main)} a ON a.id = r.${id(tables.parentColumn)}
      WHERE r.${id(tables.topicColumn)} = ${topic} AND r.${id(tables.pathColumn)} = ${target.options.tagsField} ${publishedOnly(tables)}
      ${upsert(counts)}`)
  }
  await countAll(db, counts, tables, target.slug)
}
