import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import { getPayload } from 'payload'

import type { BenchDatabase } from './database'

import { postgresDatabase, sqliteDatabase } from './database'
import { readFillArgs } from './fillArgs'
import { ARCHIVE_TABLES, writeArchive } from './writeArchive'

type Config = Parameters<typeof getPayload>[0]['config']

/** Payload's own connection, which has just migrated the schema. */
const databaseOf = (payload: Payload): BenchDatabase =>
  payload.db.name === 'postgres'
    ? postgresDatabase((payload.db as unknown as PostgresAdapter).pool)
    : sqliteDatabase((payload.db as unknown as SQLiteAdapter).client)

/**
 * The body of a fill script (a child process of `bench/run.ts`): writes the archive through the
 * config's database with bulk SQL, then runs `afterWrite` for what those writes bypassed, then
 * settles the database (sequences and ANALYZE, or a WAL checkpoint), and exits with the outcome
 * for `run.ts` to read.
 */
export const runFill = async (
  side: string,
  config: Config,
  afterWrite?: (payload: Payload) => Promise<void>,
): Promise<void> => {
  try {
    const { published } = readFillArgs()
    const payload = await getPayload({ config })
    const database = databaseOf(payload)
    const counts = await writeArchive(database, published)
    await afterWrite?.(payload)
    await database.settle(ARCHIVE_TABLES)
    await payload.destroy()
    console.error(`${side} fill: ${counts.articles} articles, ${counts.comments} comments`)
    process.exit(0)
  } catch (error) {
    console.error(error)
    process.exit(1)
  }
}
