import { buildProduction } from '../helpers/server'

/** Builds the app once for every production test file; SKIP_BUILD=1 reuses the existing build. */
export default async function setup(): Promise<void> {
  if (process.env.SKIP_BUILD) return
  await buildProduction()
}
