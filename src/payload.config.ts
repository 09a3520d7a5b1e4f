import { lexicalEditor } from '@payloadcms/richtext-lexical'
import path from 'path'
import { buildConfig } from 'payload'
import sharp from 'sharp'
import { fileURLToPath } from 'url'

import { Articles } from '@collections/Articles'
import { auditTrail } from '@collections/AuditLog/auditTrail'
import { Authors } from '@collections/Authors'
import { Comments } from '@collections/Comments'
import { commentErrorLogLevels } from '@collections/Comments/submission/errors'
import { Media } from '@collections/Media'
import { slugRedirects } from '@collections/Redirects/plugin'
import { mediaStorage } from '@collections/Media/storage'
import { Tags } from '@collections/Tags'
import { Users } from '@collections/Users'
import { usersMutations } from '@collections/Users/graphQL'
import { publicReadsPlugin } from '@plugins/public-reads'
import { readMorePlugin, TOPIC_COUNTS_SLUG } from '@plugins/read-more'

import { nobody } from './access/nobody'
import { isStaff } from './access/roles'
import { loginErrorLogLevels } from './auth/errors'
import { database, prepareDatabase } from './db/database'
import { smtpAdapter } from './email/smtpAdapter'
import { env } from './env'
import { newsroomLinkFeature } from './fields/richText/linkFeature'
import { safeLexicalEditor } from './fields/richText/safeLexicalEditor'
import { revalidateFrontend } from './frontend/revalidate'
import { hideSuggestions } from './graphql/hideSuggestions'
import { limitOperationSize } from './graphql/limitOperationSize'
import { limitQueryCost } from './graphql/limitQueryCost'
import { createOriginCache } from './originCache/createOriginCache'
import { limitRelationDepth } from './graphql/limitRelationDepth'
import { neverNull } from './graphql/neverNull'
import { relationSlugFilters } from './graphql/relationSlugFilters'
import { sentByStaff } from './graphql/requestOf'
import { checkQueries } from './queries/checkQueries'
import { queryErrorLogLevels } from './queries/errors'
import { createRateLimits } from './rateLimits/createRateLimits'
import { searchPlugin } from './search'

const dirname = path.dirname(fileURLToPath(import.meta.url))

// Once per config: every request this config serves, REST and GraphQL alike, counts in these.
const rateLimits = createRateLimits({
  databaseURL: env.rateLimitDatabaseURL,
  redisURL: env.redisURL,
  salt: env.secret,
  trustProxy: env.trustProxy,
})

// Once per config, like the rate limits: the adapter tells it of every write, the API routes read through it.
const originCache = createOriginCache(env.originCache, {
  otherWriters: !env.jobsAutoRun || Boolean(env.rateLimitDatabaseURL),
  readReplicas: env.database.replicaURLs.length > 0,
  redisURL: env.redisURL,
})

export default buildConfig({
  admin: {
    // No Gravatar: the admin panel makes no requests to third parties.
    avatar: 'default',
    components: {
      // The desk: pending comments, drafts, the review queue, scheduled and recent stories, by role.
      beforeDashboard: ['@/desk/DeskDashboard#DeskDashboard'],
    },
    importMap: {
      baseDir: dirname,
    },
    user: 'users',
  },
  collections: [Articles, Authors, Tags, Comments(rateLimits), Media, Users(rateLimits)],
  cors: env.corsOrigins,
  csrf: env.corsOrigins,
  // SQLite by default; PostgreSQL when DATABASE_URL is a postgres:// URL.
  db: database({ ...env.database, migrationsDir: path.resolve(dirname, 'migrations'), originCache }),
  // No relationship blocks: rich text is public JSON. Links go to URLs or to stories, tags and
  // authors; every write is checked against the nodes these features offer, and links the reader
  // may not follow are read as plain text (src/fields/richText/).
  editor: safeLexicalEditor(
    lexicalEditor({
      features: ({ defaultFeatures }) => [
        ...defaultFeatures.filter(({ key }) => key !== 'link' && key !== 'relationship'),
        newsroomLinkFeature(),
      ],
    }),
  ),
  // SMTP when SMTP_HOST is set; otherwise Payload's default writes each mail to the log.
  email: env.smtp ? smtpAdapter(env.smtp) : undefined,
  graphQL: {
    maxComplexity: 1000,
    mutations: usersMutations,
    queries: (graphQL, info) => ({
      // Tag and author pages in one request: `Articles(where: { tags__slug: { equals: "politics" } })`.
      ...relationSlugFilters('articles', ['tags', 'authors'])(graphQL, info),
      ...neverNull({ articles: ['title', 'slug'], authors: ['slug'], tags: ['slug'] })(graphQL, info),
    }),
    // Size first: it ends validation of an oversized operation before the other rules, and Payload's own
    // complexity rule, walk it. The cost rule multiplies list sizes, which Payload's maxComplexity does not.
    validationRules: (args) => [
      hideSuggestions({ args, show: env.isDevelopment || sentByStaff(args) }),
      limitOperationSize(),
      limitRelationDepth(),
      limitQueryCost(args),
    ],
    schemaOutputFile: path.resolve(dirname, 'generated-schema.graphql'),
  },
  jobs: {
    // No one runs the queue over HTTP (GET /api/payload-jobs/run): it would be a runner beside the one chosen below.
    access: { run: nobody },
    // Runs due jobs (scheduled publishing) inside `next dev` and `next start`, on the one process that JOBS_AUTORUN chooses.
    autoRun: env.jobsAutoRun ? [{ cron: env.jobsCron, queue: 'default' }] : undefined,
  },
  // A reader's refused comment is not a server fault: no error-level log line (and stack) for each.
  loggingLevels: { ...commentErrorLogLevels, ...queryErrorLogLevels, ...loginErrorLogLevels },
  maxDepth: 3,
  onInit: prepareDatabase,
  plugins: [
    // S3-compatible storage for media when S3_BUCKET is set. First, so that the plugins after it cover the fields it adds.
    mediaStorage(env.s3),
    // Articles first: the order of the admin's target picker.
    // Readers see a tag's name; the admin titles tags by `adminTitle`, which marks internal ones.
    readMorePlugin({ collections: ['articles'], relationTo: ['articles', 'tags'], tagsField: 'tags', titleFields: { tags: 'name' } }),
    // Full-text search over published stories: GET /api/search and the GraphQL Search query.
    searchPlugin(),
    // Old slugs of stories, tags and authors: the redirects collection and GET /api/<collection>/redirect?slug=.
    slugRedirects(),
    // Records every write to the collections above; before public reads and query checks, so they cover the audit log.
    auditTrail({
      decisions: { comments: { status: 'moderation' }, users: { role: 'role-change' } },
      // Redirect records follow slug changes, which the articles', tags' and authors' entries already show.
      skip: [TOPIC_COUNTS_SLUG, 'redirects'],
    }),
    // After the plugins that add collections or fields, so that their relations are covered too.
    publicReadsPlugin({
      // The read-more plugin drops links to documents the reader may not read itself, before population.
      hiddenElsewhere: { articles: ['readMore.doc'] },
      isTrustedReader: isStaff,
      onPublicChange: revalidateFrontend,
    }),
    // checkQueries last: it covers every collection, those added by the plugins before it included.
    checkQueries,
  ],
  secret: env.secret,
  serverURL: env.serverURL,
  sharp,
  typescript: {
    outputFile: path.resolve(dirname, 'payload-types.ts'),
  },
  // Uploads are first capped by the route (src/http/withCheckedRequests.ts); Payload's own limits follow it.
  upload: { limits: { fileSize: env.bodyLimits.upload }, requestSizeLimit: env.bodyLimits.upload },
})
