// Reads the environment in one place, so a missing variable fails at start-up with its name.
import bytes from 'bytes'
import { createHash } from 'crypto'
import path from 'path'

import { clientAddressFrom, type TrustProxy } from './http/clientAddress'
import { parseRedisURL } from './redis/client.mjs'
import { previewSecretFrom } from './utilities/preview'

const isProduction = process.env.NODE_ENV === 'production'
// `next build` loads the config to prerender the admin but never serves a request with it.
const isBuild = process.env.NEXT_PHASE === 'phase-production-build'

const DEV_SECRET = 'newsroom-development-secret-do-not-use-in-production'

/**
 * Set in the environment once a warning is printed. `next dev` loads this module in many bundles
 * and worker processes; the variable reaches every later load in the process and every child it
 * starts, so one run prints each warning once. Internal: not a setting, never set it by hand.
 */
export const WARNED_VARIABLE = 'NEWSROOM_ENV_WARNED'

const warnOnce = (key: string, message: string): void => {
  const warned = (process.env[WARNED_VARIABLE] ?? '').split(',')
  if (warned.includes(key)) return
  console.warn(message)
  process.env[WARNED_VARIABLE] = [...warned.filter(Boolean), key].join(',')
}

const readSecret = (): string => {
  const secret = process.env.PAYLOAD_SECRET
  if (secret) return secret
  if (isBuild) return DEV_SECRET
  if (isProduction) {
    throw new Error('PAYLOAD_SECRET is required in production: set it to a long random string.')
  }
  warnOnce('PAYLOAD_SECRET', '[newsroom] PAYLOAD_SECRET is not set: using the fixed development secret.')
  return DEV_SECRET
}

/** The preview token; in production without PREVIEW_SECRET, preview is off and this says so once. */
const readPreviewSecret = (): string | undefined => {
  const secret = previewSecretFrom(process.env)
  // `next build` reads the config without serving anything: no warning for an unset variable there.
  if (!secret && !isBuild) {
    warnOnce('PREVIEW_SECRET', '[newsroom] PREVIEW_SECRET is not set: draft preview and live preview are off. Set it to a long random string to turn them on.')
  }
  return secret
}

const readList = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)

/**
 * TRUST_PROXY: how many proxies stand in front of the server ("true" means 1), or the addresses and
 * subnets of the proxies, in proxy-addr's notation ("loopback, 10.0.0.0/8"); unset, none declared.
 * Which X-Forwarded-For entry each value reads: `clientAddressFrom`.
 */
const readTrustProxy = (): TrustProxy => {
  const value = (process.env.TRUST_PROXY ?? '').trim()
  const invalid = new Error(
    `TRUST_PROXY must be "true", the number of proxies in front of the server, or their addresses (e.g. "loopback, 10.0.0.0/8"), not "${value}".`,
  )
  if (value === '' || value.toLowerCase() === 'false') return 0
  if (value.toLowerCase() === 'true') return 1
  if (/^\d+$/.test(value)) return Number(value)
  // A number that is not a count (-1, 1.5) would otherwise be read as an IPv4 address.
  if (Number.isFinite(Number(value))) throw invalid
  const proxies = readList(value)
  try {
    clientAddressFrom(proxies)
  } catch {
    throw invalid
  }
  return proxies
}

/** A whole number of seconds from the environment, or the default when unset. */
const readSeconds = (name: string, fallback: number): number => {
  const value = process.env[name]?.trim()
  if (!value) return fallback
  const seconds = Number(value)
  if (!Number.isInteger(seconds) || seconds < 0) throw new Error(`${name} must be a whole number of seconds, not "${value}".`)
  return seconds
}

/** A size in bytes from the environment ("32kb", "2mb" or a number of bytes), or the default when unset. */
const readBytes = (name: string, fallback: string): number => {
  const value = process.env[name]?.trim() || fallback
  const size = bytes.parse(value)
  if (size === null || !Number.isSafeInteger(size) || size <= 0) {
    throw new Error(`${name} must be a size such as "32kb" or "2mb", not "${value}".`)
  }
  return size
}

/**
 * JOBS_AUTORUN: whether this instance runs due jobs (scheduled publishing) on JOBS_AUTORUN_CRON.
 * Payload claims a job by reading it and then marking it, not atomically: two runners polling one
 * database can both claim a job and publish a story twice, so exactly one process may run the queue.
 */
const readJobsAutoRun = (): boolean => {
  const value = (process.env.JOBS_AUTORUN ?? '').trim().toLowerCase()
  if (value === '' || value === 'true') return true
  if (value === 'false') return false
  throw new Error(
    `JOBS_AUTORUN must be "true" (this instance runs due jobs) or "false" (another instance, or \`npm run jobs\`, runs them), not "${process.env.JOBS_AUTORUN}".`,
  )
}

/** A whole number from the environment, at least 1, or the default when unset. */
const readCount = (name: string, fallback: number): number => {
  const value = process.env[name]?.trim()
  if (!value) return fallback
  const count = Number(value)
  if (!Number.isSafeInteger(count) || count < 1) throw new Error(`${name} must be a whole number, at least 1, not "${value}".`)
  return count
}

/** ORIGIN_CACHE: "on" (the default) or "off"; see docs/PERFORMANCE.md, "Origin cache". */
const readOriginCache = () => {
  const value = (process.env.ORIGIN_CACHE ?? '').trim().toLowerCase()
  if (!['', 'off', 'on'].includes(value)) throw new Error(`ORIGIN_CACHE must be "on" or "off", not "${process.env.ORIGIN_CACHE}".`)
  return {
    enabled: value !== 'off',
    maxBytes: readBytes('ORIGIN_CACHE_MAX_BYTES', '64mb'),
    maxEntries: readCount('ORIGIN_CACHE_MAX_ENTRIES', 5000),
    ttlSeconds: readSeconds('ORIGIN_CACHE_TTL_SECONDS', 300),
  }
}

const filePath = (url: string): null | string =>
  url.startsWith('file:') ? path.resolve(url.slice('file:'.length).replace(/\?.*$/, '')) : null

const readRateLimitDatabaseURL = (databaseURL: string): string | undefined => {
  const url = process.env.RATE_LIMIT_DATABASE_URL
  if (!url) return undefined
  const file = filePath(url)
  if (!file) throw new Error('RATE_LIMIT_DATABASE_URL must be a file: URL of a SQLite file, e.g. file:./data/rate-limits.db.')
  // Payload's write transactions are queued in-process; a second writer on that file would wait or fail.
  if (file === filePath(databaseURL)) {
    throw new Error('RATE_LIMIT_DATABASE_URL must name its own SQLite file, not the Payload database (DATABASE_URL).')
  }
  return url
}

const readRedisURL = (): string | undefined => {
  const url = parseRedisURL(process.env.REDIS_URL)
  // Two shared stores would split the counters: each instance must count in the same one.
  if (url && process.env.RATE_LIMIT_DATABASE_URL) {
    throw new Error('REDIS_URL and RATE_LIMIT_DATABASE_URL both share rate-limit counters between instances: set only one.')
  }
  return url
}

export type SMTPSettings = {
  auth?: { pass: string; user: string }
  fromAddress: string
  fromName: string
  host: string
  port: number
  secure: boolean
}

const readSMTP = (): SMTPSettings | undefined => {
  const host = process.env.SMTP_HOST
  if (!host) return undefined
  const from = process.env.EMAIL_FROM?.trim()
  if (!from) throw new Error('EMAIL_FROM is required when SMTP_HOST is set, e.g. "Newsroom <newsroom@example.com>".')
  const [, name, address] = /^(.*?)\s*<([^>]+)>$/.exec(from) ?? [undefined, '', from]
  const secure = process.env.SMTP_SECURE === 'true'
  const port = process.env.SMTP_PORT ? Number(process.env.SMTP_PORT) : secure ? 465 : 587
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`SMTP_PORT must be a port number, not "${process.env.SMTP_PORT}".`)
  }
  const user = process.env.SMTP_USER
  const pass = process.env.SMTP_PASS
  if (Boolean(user) !== Boolean(pass)) throw new Error('SMTP_USER and SMTP_PASS must be set together, or neither.')
  return {
    auth: user && pass ? { pass, user } : undefined,
    fromAddress: address.trim(),
    fromName: name.replace(/^"|"$/g, '').trim() || 'Newsroom',
    host,
    port,
    secure,
  }
}

/** A whole number of milliseconds from the environment, or undefined when unset (0 turns a timeout off). */
const readMilliseconds = (name: string): number | undefined => {
  const value = process.env[name]?.trim()
  if (!value) return undefined
  const ms = Number(value)
  if (!Number.isInteger(ms) || ms < 0) throw new Error(`${name} must be a whole number of milliseconds, not "${value}".`)
  return ms
}

const isPostgresURL = (url: string): boolean => /^postgres(ql)?:\/\//i.test(url)

/** Which database a URL names, by its scheme: PostgreSQL, or a SQLite file. */
const readDialect = (url: string): DatabaseSettings['dialect'] => {
  if (isPostgresURL(url)) return 'postgres'
  if (url.startsWith('file:')) return 'sqlite'
  throw new Error(`DATABASE_URL must be a file: URL of a SQLite file or a postgres:// URL, not "${url.replace(/\/\/[^@/]*@/, '//…@')}".`)
}

export type DatabaseSettings = {
  dialect: 'postgres' | 'sqlite'
  /** PostgreSQL: the largest number of connections each pool (primary, each replica) opens. */
  poolMax?: number
  /** PostgreSQL: a transaction left idle this long (ms) is ended by the server, and its locks released. */
  idleInTransactionTimeoutMs?: number
  /** PostgreSQL: servers that `SELECT`s outside a transaction may be sent to (Payload's `readReplicas`). */
  replicaURLs: string[]
  /** PostgreSQL: the longest a statement may run (ms) before the server cancels it. */
  statementTimeoutMs?: number
  url: string
}

const readDatabase = (): DatabaseSettings => {
  const url = process.env.DATABASE_URL?.trim() || 'file:./data/newsroom.db'
  const dialect = readDialect(url)
  const replicaURLs = readList(process.env.DATABASE_REPLICA_URLS)
  const poolMax = process.env.DATABASE_POOL_MAX?.trim()
  // Payload's Postgres adapter keeps one connection of each pool checked out: one would leave none for queries.
  if (poolMax && (!/^\d+$/.test(poolMax) || Number(poolMax) < 2)) {
    throw new Error(`DATABASE_POOL_MAX must be a whole number of connections, at least 2, not "${poolMax}".`)
  }
  const bad = replicaURLs.find((replica) => !isPostgresURL(replica))
  if (bad !== undefined) {
    throw new Error(`DATABASE_REPLICA_URLS must list postgres:// URLs, separated by commas; "${bad.replace(/\/\/[^@/]*@/, '//…@')}" is not one.`)
  }
  if (replicaURLs.length && dialect !== 'postgres') {
    throw new Error('DATABASE_REPLICA_URLS needs a PostgreSQL DATABASE_URL (postgres://…): SQLite has no replicas.')
  }
  return {
    dialect,
    idleInTransactionTimeoutMs: readMilliseconds('DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS'),
    poolMax: poolMax ? Number(poolMax) : undefined,
    replicaURLs,
    statementTimeoutMs: readMilliseconds('DATABASE_STATEMENT_TIMEOUT_MS'),
    url,
  }
}

export type S3Settings = {
  accessKeyId: string
  bucket: string
  /** The S3 API's origin, e.g. https://s3.eu-west-1.amazonaws.com or http://127.0.0.1:9000 for MinIO. */
  endpoint: string
  /** Bucket in the path (`endpoint/bucket/key`) instead of the host name (`bucket.endpoint/key`). */
  forcePathStyle: boolean
  region: string
  secretAccessKey: string
}

const S3_REQUIRED = ['S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const

/** Media on S3-compatible storage when S3_BUCKET is set; the local media/ folder otherwise. */
const readS3 = (): S3Settings | undefined => {
  const bucket = process.env.S3_BUCKET?.trim()
  if (!bucket) {
    // Settings without a bucket would otherwise leave uploads on the local disk without a word.
    const stray = S3_REQUIRED.find((name) => process.env[name]?.trim())
    if (stray) throw new Error(`S3_BUCKET is required when ${stray} is set: name the bucket media is stored in, or unset the S3_* variables.`)
    return undefined
  }
  const [endpoint, region, accessKeyId, secretAccessKey] = S3_REQUIRED.map((name) => {
    const value = process.env[name]?.trim()
    if (!value) throw new Error(`${name} is required when S3_BUCKET is set (S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together).`)
    return value
  })
  if (!/^https?:\/\/[^/]+\/?$/.test(endpoint)) {
    throw new Error(`S3_ENDPOINT must be the origin of the S3 API, such as https://s3.eu-west-1.amazonaws.com, not "${endpoint}".`)
  }
  const pathStyle = (process.env.S3_FORCE_PATH_STYLE ?? '').trim().toLowerCase()
  if (!['', 'false', 'true'].includes(pathStyle)) {
    throw new Error(`S3_FORCE_PATH_STYLE must be "true" or "false", not "${process.env.S3_FORCE_PATH_STYLE}".`)
  }
  return { accessKeyId, bucket, endpoint: endpoint.replace(/\/$/, ''), forcePathStyle: pathStyle === 'true', region, secretAccessKey }
}

const serverURL = process.env.SERVER_URL ?? 'http://localhost:3000'
const database = readDatabase()
const secret = readSecret()

export const env = {
  /**
   * How long shared caches (CDNs, proxies) may keep an anonymous REST read: fresh for `sMaxAge`
   * seconds, then served stale for up to `staleWhileRevalidate` more while they refetch it. Their
   * sum is the longest a change (an unpublished story) can stay visible through a shared cache.
   */
  apiCache: {
    sMaxAge: readSeconds('API_CACHE_S_MAXAGE', 10),
    staleWhileRevalidate: readSeconds('API_CACHE_STALE_WHILE_REVALIDATE', 30),
  },
  /**
   * Salt of the HMAC that commenter IP addresses are kept as. Without COMMENT_IP_SALT it is derived
   * from the secret, so rotating PAYLOAD_SECRET also stops old hashes from matching new visits.
   */
  /**
   * The largest request body read, refused with a 413 before it is parsed: anonymous requests
   * (comments, logins), requests with credentials (staff writes), and multipart uploads with
   * credentials to an upload collection (Payload's own per-file limit follows the last).
   */
  bodyLimits: {
    anonymous: readBytes('BODY_LIMIT_ANONYMOUS', '32kb'),
    staff: readBytes('BODY_LIMIT_STAFF', '2mb'),
    upload: readBytes('BODY_LIMIT_UPLOAD', '20mb'),
  },
  commentIPSalt: process.env.COMMENT_IP_SALT || createHash('sha256').update(`comment-ip-salt:${secret}`).digest('hex'),
  corsOrigins: [serverURL, ...readList(process.env.CORS_ORIGINS)],
  /** DATABASE_URL and, for PostgreSQL, its pool, timeouts and read replicas. */
  database,
  /** `next dev`, whose hot reloading and error overlay need more of the pages' CSP (src/proxy.ts). */
  isDevelopment: process.env.NODE_ENV === 'development',
  isProduction,
  /** The token of the admin's preview links to the frontend's draft route; undefined when preview is off. */
  previewSecret: readPreviewSecret(),
  /** Whether this instance runs due jobs; false on every instance but one, or on all when `npm run jobs` runs them. */
  jobsAutoRun: readJobsAutoRun(),
  /** Cron (with seconds) on which due jobs such as scheduled publishing run. */
  jobsCron: process.env.JOBS_AUTORUN_CRON ?? '*/10 * * * * *',
  /**
   * The exact origin cache of anonymous API reads: on unless ORIGIN_CACHE=off, bounded by
   * ORIGIN_CACHE_MAX_ENTRIES and ORIGIN_CACHE_MAX_BYTES in memory, in Redis when REDIS_URL is set.
   */
  originCache: readOriginCache(),
  /** A SQLite file that flood-control and login-throttle counters share between server instances; in memory when unset. */
  rateLimitDatabaseURL: readRateLimitDatabaseURL(database.url),
  /**
   * A Redis server that several instances share: flood-control and login-throttle counters, and
   * Next.js's data cache (next.config.mjs reads the variable itself, at build and at start).
   */
  redisURL: readRedisURL(),
  secret,
  serverURL,
  /** S3-compatible storage for uploaded media when S3_BUCKET is set; the local media/ folder when unset. */
  s3: readS3(),
  /** SMTP delivery for notifications; Payload writes mail to the console when it is unset. */
  smtp: readSMTP(),
  trustProxy: readTrustProxy(),
}
