import { buildProduction } from '../helpers/server'
import { CLUSTER_REDIS_URL } from './cluster'

/**
 * Builds the app once, with REDIS_URL set as the README tells a deployment of several instances to
 * build it (next.config.mjs then compiles the Redis cache handler in, and every later `next start`
 * of this build needs a REDIS_URL: run the suites that reuse a plain build before this one).
 * SKIP_BUILD=1 reuses the existing build: one made without REDIS_URL serves this suite too, since
 * `next start` takes the cache handler from next.config.mjs as it reads it at start.
 */
export default async function setup(): Promise<void> {
  if (process.env.SKIP_BUILD) return
  const started = Date.now()
  await buildProduction({ REDIS_URL: CLUSTER_REDIS_URL })
  console.log(`[cluster] Built in ${Math.round((Date.now() - started) / 1000)} s`)
}
