import type { Payload } from 'payload'

import { APIError } from 'payload'

import type { ReadMoreDialect } from './types'

import { postgresDialect } from './postgres'
import { sqliteDialect } from './sqlite'

/** The adapters the ranking has SQL for, by `db.name`. A new dialect module is listed here. */
const dialects = new Map<string, ReadMoreDialect>(
  [sqliteDialect, postgresDialect].map((dialect) => [dialect.adapterName, dialect]),
)

/** The supported adapters' packages, joined with "or". */
export const supportedPackages = (): string => [...dialects.values()].map(({ packageName }) => packageName).join(' or ')

/** The dialect for an adapter name, or undefined when the plugin has no SQL for it. */
export const findDialect = (adapterName: string | undefined): ReadMoreDialect | undefined =>
  adapterName === undefined ? undefined : dialects.get(adapterName)

/** The dialect of the running database. The config check refuses other adapters first, so this only guards. */
export const getDialect = (payload: Payload): ReadMoreDialect => {
  const dialect = findDialect(payload.db.name)
  if (!dialect) {
    throw new APIError(`readMorePlugin needs ${supportedPackages()}; this app uses "${payload.db.name}".`, 500)
  }
  return dialect
}
