import type { ReadMoreDialect } from '../types'

import { rankCandidates } from './rankQuery'
import * as topicCounts from './topicCounts'
import { addTopicIndexes } from './topicIndexes'

/**
 * `@payloadcms/db-postgres`: node-postgres's `execute`, parameters typed by the columns they are
 * compared with, and one bounded index walk per topic as on SQLite.
 */
export const postgresDialect: ReadMoreDialect = {
  adapterName: 'postgres',
  packageName: '@payloadcms/db-postgres',
  addTopicIndexes,
  rankCandidates,
  ...topicCounts,
}
