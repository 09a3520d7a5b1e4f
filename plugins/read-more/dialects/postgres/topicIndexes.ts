import { index } from '@payloadcms/db-postgres/drizzle/pg-core'

import { addTopicIndexesWith } from '../topicIndexes'

export const addTopicIndexes = addTopicIndexesWith(index)
