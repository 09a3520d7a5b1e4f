/**
 * Fills a scratch database for the project (a child process of `bench/run.ts`): the schema comes
 * from the project's own migrations, applied by the config's onInit as on any server start; the
 * archive is then written with bulk SQL, and the read-more topic counts rebuilt, as the plugin's
 * README asks after writes that bypass its hooks.
 */
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'

import config from '@payload-config'
import { rebuildReadMoreCounts } from '@plugins/read-more'
import { getPayload } from 'payload'

import { readFillArgs } from './fillArgs'
import { writeArchive } from './writeArchive'

try {
  const { published } = readFillArgs()
  const payload = await getPayload({ config })
  const counts = await writeArchive((payload.db as unknown as SQLiteAdapter).client, published)
  await rebuildReadMoreCounts({ collection: 'articles', payload })
  await payload.destroy()
  console.error(`project fill: ${counts.articles} articles, ${counts.comments} comments`)
  process.exit(0)
} catch (error) {
  console.error(error)
  process.exit(1)
}
