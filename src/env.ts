// Reads the environment in one place, so a missing variable fails at start-up with its name.
const isProduction = process.env.NODE_ENV === 'production'
// `next build` loads the config to prerender the admin but never serves a request with it.
const isBuild = process.env.NEXT_PHASE === 'phase-production-build'

const DEV_SECRET = 'newsroom-development-secret-do-not-use-in-production'

const readSecret = (): string => {
  const secret = process.env.PAYLOAD_SECRET
  if (secret) return secret
  if (isBuild) return DEV_SECRET
  if (isProduction) {
    throw new Error('PAYLOAD_SECRET is required in production: set it to a long random string.')
  }
  console.warn('[newsroom] PAYLOAD_SECRET is not set: using the fixed development secret.')
  return DEV_SECRET
}

const readList = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)

const serverURL = process.env.SERVER_URL ?? 'http://localhost:3000'

export const env = {
  corsOrigins: [serverURL, ...readList(process.env.CORS_ORIGINS)],
  databaseURL: process.env.DATABASE_URL ?? 'file:./data/newsroom.db',
  isProduction,
  /** Cron (with seconds) on which due jobs such as scheduled publishing run. */
  jobsCron: process.env.JOBS_AUTORUN_CRON ?? '*/10 * * * * *',
  secret: readSecret(),
  serverURL,
}
