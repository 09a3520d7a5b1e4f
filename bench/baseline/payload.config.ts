/**
 * The bare-Payload baseline the benchmark compares the project with: the same collections and
 * fields, and nothing of the project's own on top (no access rules beyond public reads, no hooks,
 * no indexes besides Payload's defaults, no plugin). It is served by its own Next.js build
 * (this folder), on its own scratch database, whose schema Payload pushes in development mode.
 */
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { LinkFeature, lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'

import { Articles } from './collections/Articles'
import { Authors } from './collections/Authors'
import { Comments } from './collections/Comments'
import { Media } from './collections/Media'
import { Tags } from './collections/Tags'
import { Users } from './collections/Users'

export default buildConfig({
  admin: { user: Users.slug },
  collections: [Articles, Authors, Tags, Comments, Media, Users],
  // Storage settings as in the project (WAL), so that the comparison measures the application layer.
  db: sqliteAdapter({ client: { url: process.env.DATABASE_URL ?? 'file:./baseline.db' }, wal: true }),
  // The project's editor features: rich text is read back through the same Lexical field hooks.
  editor: lexicalEditor({
    features: ({ defaultFeatures }) => [
      ...defaultFeatures.filter(({ key }) => key !== 'link' && key !== 'relationship'),
      LinkFeature({ enabledCollections: [] }),
    ],
  }),
  secret: process.env.PAYLOAD_SECRET ?? 'baseline-bench-secret',
})
