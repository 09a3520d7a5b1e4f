/**
 * Fills a scratch database for the bare-Payload baseline (a child process of `bench/run.ts`): its
 * schema is pushed by Payload in development mode (a separate database, which never sees a
 * migration), then the same archive as the project's is written with the same bulk SQL.
 */
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'

import { getPayload } from 'payload'

import config from './baseline/payload.config'
import { readFillArgs } from './fillArgs'
import { writeArchive } from './writeArchive'

try {
  const { published } = readFillArgs()
  // Payload pushes the schema only outside production.
  if (process.env.NODE_ENV === 'production') throw new Error('The baseline fill must not run with NODE_ENV=production.')
  const payload = await getPayload({ config })
  const counts = await writeArchive((payload.db as unknown as SQLiteAdapter).client, published)
  await payload.destroy()
  console.error(`baseline fill: ${counts.articles} articles, ${counts.comments} comments`)
  process.exit(0)
} catch (error) {
  console.error(error)
  process.exit(1)
}
