import type { DocumentID } from '../../types'
import type { CountsTarget } from '../types'

import { topicCountStatements } from '../topicCountStatements'
import { sqliteFlavour } from './connection'

const { asText, countAll, id, insertInto, prepare, publishedOnly, upsert, ...shared } = topicCountStatements(sqliteFlavour)
const { sql } = sqliteFlavour

export const { hasTopicCounts, readStoredState, readTopicCounts, rebuildTopicCounts } = shared

/**
 * Recounts, from the stored rows, the published documents carrying each of `topics` and the
 * collection's total. Recounting instead of adding and subtracting keeps the counts exact
 * whatever the save did (publish, unpublish, retag, a draft of a published story, a delete).
 * The topics come as one `json_each` list: one statement, whatever their number.
 */
export const recountTopics = async (target: CountsTarget, topics: DocumentID[]): Promise<void> => {
  const { counts, db, tables } = await prepare(target)
  const unique = [...new Set(topics.map(String))]
  if (unique.length) {
    // Reads the (topic, path, parent) index, then one status lookup per document carrying the topic.
    await sqliteFlavour.run(db, sql`
      ${insertInto(counts)}
      SELECT ${target.slug}, ${asText(sql`t.value`)}, (
        SELECT count(*) FROM ${id(tables.rels)} r JOIN ${id(tables.main)} a ON a.id = r.${id(tables.parentColumn)}
        WHERE r.${id(tables.topicColumn)} = t.value AND r.${id(tables.pathColumn)} = ${target.options.tagsField} ${publishedOnly(tables)}
      )
      FROM json_each(${JSON.stringify(unique.map((topic) => (/^\d+$/.test(topic) ? Number(topic) : topic)))}) t WHERE true
      ${upsert(counts)}`)
  }
  await countAll(db, counts, tables, target.slug)
}
