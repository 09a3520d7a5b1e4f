import { LinkFeature, lexicalEditor } from '@payloadcms/richtext-lexical'
import path from 'path'
import { buildConfig } from 'payload'
import sharp from 'sharp'
import { fileURLToPath } from 'url'

import { Articles } from '@collections/Articles'
import { Authors } from '@collections/Authors'
import { Comments } from '@collections/Comments'
import { Media } from '@collections/Media'
import { Tags } from '@collections/Tags'
import { Users } from '@collections/Users'
import { forgotPasswordMutation } from '@collections/Users/endpoints/forgotPassword'
import { readMorePlugin } from '@plugins/read-more'

import { commentErrorLogLevels } from './comments/errors'
import { migrateOnInit } from './db/migrateOnInit'
import { pinPlannerStatistics } from './db/plannerStatistics'
import { sqliteDatabase } from './db/sqliteDatabase'
import { smtpAdapter } from './email/smtpAdapter'
import { env } from './env'
import { limitRelationDepth } from './graphql/limitRelationDepth'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  admin: {
    // No Gravatar: the admin panel makes no requests to third parties.
    avatar: 'default',
    importMap: {
      baseDir: dirname,
    },
    user: Users.slug,
  },
  collections: [Articles, Authors, Tags, Comments, Media, Users],
  cors: env.corsOrigins,
  csrf: env.corsOrigins,
  db: sqliteDatabase({ migrationDir: path.resolve(dirname, 'migrations'), url: env.databaseURL }),
  // External links only, and no relationship blocks: rich text is public JSON, and an internal
  // link would carry the id of a document (a draft) that the reader may not see.
  editor: lexicalEditor({
    features: ({ defaultFeatures }) => [
      ...defaultFeatures.filter(({ key }) => key !== 'link' && key !== 'relationship'),
      LinkFeature({ enabledCollections: [] }),
    ],
  }),
  // SMTP when SMTP_HOST is set; otherwise Payload's default writes each mail to the log.
  email: env.smtp ? smtpAdapter(env.smtp) : undefined,
  graphQL: {
    maxComplexity: 1000,
    mutations: forgotPasswordMutation,
    validationRules: () => [limitRelationDepth()],
    schemaOutputFile: path.resolve(dirname, 'generated-schema.graphql'),
  },
  jobs: {
    // Runs due jobs (scheduled publishing) inside `next dev` and `next start` alike.
    autoRun: [{ cron: env.jobsCron, queue: 'default' }],
  },
  // A reader's refused comment is not a server fault: no error-level log line (and stack) for each.
  loggingLevels: commentErrorLogLevels,
  maxDepth: 3,
  onInit: async (payload) => {
    await migrateOnInit(payload)
    await pinPlannerStatistics(payload)
  },
  plugins: [readMorePlugin({ collections: ['articles'], relationTo: ['tags', 'articles'], tagsField: 'tags' })],
  secret: env.secret,
  serverURL: env.serverURL,
  sharp,
  typescript: {
    outputFile: path.resolve(dirname, 'payload-types.ts'),
  },
})
