/**
 * Fills a scratch database for the project (a child process of `bench/run.ts`): the schema comes
 * from the project's own migrations, applied by the config's onInit as on any server start; the
 * archive is then written with bulk SQL, and the read-more topic counts rebuilt, as the plugin's
 * README asks after writes that bypass its hooks.
 */
import config from '@payload-config'
import { rebuildReadMoreCounts } from '@plugins/read-more'

import { runFill } from './runFill'

await runFill('project', config, (payload) => rebuildReadMoreCounts({ collection: 'articles', payload }))
