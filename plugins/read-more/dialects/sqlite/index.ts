import type { ReadMoreDialect } from '../types'

import { rankCandidates } from './rankQuery'
import * as topicCounts from './topicCounts'
import { addTopicIndexes } from './topicIndexes'

/**
 * `@payloadcms/db-sqlite`: libsql's `run`/`all`, `json_each` for a list parameter, and
 * `CROSS JOIN` to pin the ranking's join order (SQLite's planner otherwise walks a whole path).
 */
export const sqliteDialect: ReadMoreDialect = {
  adapterName: 'sqlite',
  packageName: '@payloadcms/db-sqlite',
  addTopicIndexes,
  rankCandidates,
  ...topicCounts,
}
