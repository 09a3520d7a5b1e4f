import { buildProduction } from '../helpers/server'
import { CLUSTER_REDIS_URL } from './cluster'

/**
 * Builds the app once for the cluster suite, with REDIS_URL set as a deployment of several
 * instances builds it (next.config.mjs then compiles the Redis cache handler in); SKIP_BUILD=1
 * reuses the existing build, which must have been made with a REDIS_URL too.
 */
export default async function setup(): Promise<void> {
  if (process.env.SKIP_BUILD) return
  const started = Date.now()
  await buildProduction({ REDIS_URL: CLUSTER_REDIS_URL })
  console.log(`[cluster] Built in ${Math.round((Date.now() - started) / 1000)} s`)
}
