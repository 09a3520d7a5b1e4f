import { index } from '@payloadcms/db-sqlite/drizzle/sqlite-core'

import { addTopicIndexesWith } from '../topicIndexes'

export const addTopicIndexes = addTopicIndexesWith(index)
