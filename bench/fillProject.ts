/**
 * Fills a scratch database for the project (a child process of `bench/run.ts`): the schema comes
 * from the project's own migrations, applied by the config's onInit as on any server start; the
 * archive is then written with bulk SQL, the read-more topic counts rebuilt and the search index filled, as the plugin's
 * README asks after writes that bypass its hooks.
 */
import config from '@payload-config'
import { rebuildReadMoreCounts } from '@plugins/read-more'

import { backfillIndex } from '@/search/reindex'

import { runFill } from './runFill'

await runFill('project', config, async (payload) => {
  await rebuildReadMoreCounts({ collection: 'articles', payload })
  await backfillIndex(payload)
})
