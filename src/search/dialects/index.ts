import type { Payload } from 'payload'

import { APIError } from 'payload'

import type { SearchDialect } from './types'

import { postgresSearch } from './postgres'
import { sqliteSearch } from './sqlite'

const dialects = new Map([sqliteSearch, postgresSearch].map((dialect) => [dialect.adapterName, dialect]))

/** The search index's SQL for the running database. */
export const searchDialect = (payload: Payload): SearchDialect => {
  const dialect = dialects.get(payload.db.name)
  if (!dialect) throw new APIError(`Search has no index for the "${payload.db.name}" database adapter.`, 500)
  return dialect
}
