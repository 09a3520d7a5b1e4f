import type { DatabaseAdapterObj, Payload } from 'payload'

import path from 'path'

import type { DatabaseSettings } from '../env'
import type { OriginCache } from '../originCache/types'

import { signalWrites } from '../originCache/signalWrites'
import { migrateOnInit } from './migrateOnInit'
import { pinPlannerStatistics } from './plannerStatistics'
import { postgresDatabase } from './postgresDatabase'
import { sqliteDatabase } from './sqliteDatabase'

export type DatabaseOptions = DatabaseSettings & {
  /** The folder holding one folder of committed migrations per dialect (`sqlite/`, `postgres/`). */
  migrationsDir: string
  /** The origin cache told about every write the adapter makes (src/originCache/signalWrites.ts). */
  originCache?: OriginCache
}

/**
 * The adapter DATABASE_URL names: PostgreSQL for a `postgres://` URL, otherwise the SQLite file.
 * Each dialect has its own migrations folder, so `migrate:create` writes to the running dialect's.
 */
export const database = ({ dialect, migrationsDir, originCache, url, ...postgres }: DatabaseOptions): DatabaseAdapterObj => {
  const migrationDir = path.join(migrationsDir, dialect)
  const adapterObj = dialect === 'postgres' ? postgresDatabase({ ...postgres, migrationDir, url }) : sqliteDatabase({ migrationDir, url })
  if (!originCache) return adapterObj
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = adapterObj.init(args)
      signalWrites(adapter, originCache)
      return adapter
    },
  }
}

/**
 * Brings the database to the committed schema on every start; on SQLite, then pins the planner
 * statistics its list queries rely on (PostgreSQL's come from ANALYZE and autovacuum).
 */
export const prepareDatabase = async (payload: Payload): Promise<void> => {
  await migrateOnInit(payload)
  if (payload.db.name === 'sqlite') await pinPlannerStatistics(payload)
}
