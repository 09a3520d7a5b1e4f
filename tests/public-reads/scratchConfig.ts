import type { CollectionSlug, Payload, SanitizedConfig } from 'payload'

import { buildConfig, getPayload } from 'payload'

import { type PublicChangeArgs, publicReadsPlugin } from '@plugins/public-reads'

import { closeAndDrop, createScratchDatabase, scratchAdapter, type ScratchDatabase } from '../helpers/testDatabase'

/** Slugs of the scratch collections: not in the project's generated types. */
const slug = (name: string) => name as CollectionSlug

/**
 * A config unrelated to the newsroom: public `notes` that point at private `members` (Payload's
 * default access: signed-in only) and at `dossiers` that strangers see only when released, through
 * a plain field, a group, an array of polymorphic links, a named tab and a join; plus a relation to
 * a public target, which must get no hook. Push mode on a scratch database: not the project's schema.
 */
export const buildScratchConfig = (database: ScratchDatabase, onPublicChange: (args: PublicChangeArgs) => void): Promise<SanitizedConfig> =>
  buildConfig({
    admin: { user: 'members' },
    collections: [
      { slug: 'members', auth: true, fields: [{ name: 'name', type: 'text' }] },
      {
        slug: 'dossiers',
        access: { read: ({ req: { user } }) => Boolean(user) || { released: { equals: true } } },
        fields: [
          { name: 'title', type: 'text' },
          { name: 'released', type: 'checkbox', defaultValue: false },
          { name: 'note', type: 'relationship', relationTo: slug('notes') },
        ],
      },
      {
        slug: 'notes',
        access: { read: () => true },
        fields: [
          { name: 'title', type: 'text' },
          { name: 'owner', type: 'relationship', relationTo: slug('members') },
          { name: 'meta', type: 'group', fields: [{ name: 'source', type: 'relationship', relationTo: slug('dossiers') }] },
          {
            name: 'links',
            type: 'array',
            fields: [{ name: 'target', type: 'relationship', relationTo: [slug('dossiers'), slug('notes')] }],
          },
          {
            type: 'tabs',
            tabs: [{ name: 'extra', fields: [{ name: 'cited', type: 'relationship', hasMany: true, relationTo: slug('dossiers') }] }],
          },
          { type: 'row', fields: [{ name: 'sibling', type: 'relationship', relationTo: slug('notes') }] },
          { name: 'dossiers', type: 'join', collection: slug('dossiers'), on: 'note' },
        ],
      },
    ],
    db: scratchAdapter(database),
    graphQL: { disable: true },
    plugins: [publicReadsPlugin({ isTrustedReader: (user) => Boolean(user), onPublicChange })],
    secret: 'public-reads-scratch-secret',
    telemetry: false,
  })

/** Documents of the scratch collections. */
export type ScratchDoc = { id: number } & Record<string, any>

type Args = { collection: string } & Record<string, unknown>

/** The Local API, typed for collections the project's generated types do not list. */
export type ScratchLocalAPI = {
  count: (args: Args) => Promise<{ totalDocs: number }>
  create: (args: Args) => Promise<ScratchDoc>
  find: (args: Args) => Promise<{ docs: ScratchDoc[]; limit: number; totalDocs: number }>
  findByID: (args: Args) => Promise<ScratchDoc>
}

export type ScratchContext = {
  changes: PublicChangeArgs[]
  config: SanitizedConfig
  local: ScratchLocalAPI
  payload: Payload
  shutdown: () => Promise<void>
}

/** Boots the scratch config on a new database of the test dialect (`tests/helpers/testDatabase.ts`), recording every `onPublicChange` call. */
export const bootScratch = async (): Promise<ScratchContext> => {
  const database = await createScratchDatabase()
  const changes: PublicChangeArgs[] = []
  const config = await buildScratchConfig(database, (args) => void changes.push(args))
  const payload = await getPayload({ config })
  return {
    changes,
    config,
    local: payload as unknown as ScratchLocalAPI,
    payload,
    shutdown: () => closeAndDrop(payload, database),
  }
}
