import type { Access, CollectionSlug, Payload, SanitizedConfig, Where } from 'payload'

import { GRAPHQL_POST, REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'
import { buildConfig, getPayload } from 'payload'

import { readMorePlugin, type ReadMoreOptions } from '@plugins/read-more'

import { closeAndDrop, createScratchDatabase, scratchAdapter, type ScratchDatabase } from '../helpers/testDatabase'

/**
 * A config unrelated to the newsroom: podcast `episodes` whose topics are `subjects`, no drafts,
 * no `publishedAt`, and a collection-level read rule (members-only episodes) instead of a status.
 * It proves the plugin knows only its options. Push mode on a scratch database: not the project's schema.
 */
const signedInOr =
  (publicWhere: Where): Access =>
  ({ req: { user } }) =>
    user ? true : publicWhere

export const buildScratchConfig = (database: ScratchDatabase, options: ReadMoreOptions = {}): Promise<SanitizedConfig> =>
  buildConfig({
    admin: { user: 'members' },
    collections: [
      { slug: 'members', auth: true, fields: [] },
      {
        slug: 'subjects',
        access: { create: ({ req }) => Boolean(req.user), read: signedInOr({ private: { not_equals: true } }) },
        admin: { useAsTitle: 'label' },
        fields: [
          { name: 'label', type: 'text', required: true },
          { name: 'private', type: 'checkbox', defaultValue: false },
        ],
      },
      {
        slug: 'episodes',
        access: {
          create: ({ req }) => Boolean(req.user),
          delete: ({ req }) => Boolean(req.user),
          read: signedInOr({ membersOnly: { not_equals: true } }),
          update: ({ req }) => Boolean(req.user),
        },
        admin: { useAsTitle: 'headline' },
        fields: [
          { name: 'headline', type: 'text', required: true },
          { name: 'membersOnly', type: 'checkbox', defaultValue: false },
          // Not in the project's generated slugs: this collection exists only in the scratch config.
          { name: 'subjects', type: 'relationship', hasMany: true, relationTo: 'subjects' as CollectionSlug },
        ],
      },
    ],
    db: scratchAdapter(database),
    graphQL: { disablePlaygroundInProduction: true },
    plugins: [
      readMorePlugin({
        collections: ['episodes'],
        label: 'See also',
        maxLinks: 3,
        relationTo: ['subjects', 'episodes'],
        tagsField: 'subjects',
        ...options,
      }),
    ],
    secret: 'read-more-scratch-secret',
    telemetry: false,
  })

/** Documents of the scratch collections: the project's generated types do not know them. */
export type ScratchDoc = { id: number } & Record<string, any>

type Args = { collection: string } & Record<string, unknown>

/** The Local API, typed for collections the project's generated types do not list. */
export type ScratchLocalAPI = {
  create: (args: Args) => Promise<ScratchDoc>
  delete: (args: Args) => Promise<ScratchDoc>
  find: (args: Args) => Promise<{ docs: ScratchDoc[]; totalDocs: number }>
  findByID: (args: Args) => Promise<ScratchDoc>
  update: (args: Args) => Promise<ScratchDoc>
}

export type ScratchContext = {
  config: SanitizedConfig
  local: ScratchLocalAPI
  graphql: (query: string, variables?: Record<string, unknown>, token?: string) => Promise<{ body: any; status: number }>
  login: () => Promise<{ token: string; user: ScratchDoc }>
  payload: Payload
  rest: (method: 'DELETE' | 'GET' | 'PATCH' | 'POST', path: string, body?: unknown, token?: string) => Promise<{ body: any; status: number }>
  shutdown: () => Promise<void>
}

/** Boots the scratch config on a new database of the test dialect (`tests/helpers/testDatabase.ts`), with REST and GraphQL handlers built from it. */
export const bootScratch = async (options: ReadMoreOptions = {}): Promise<ScratchContext> => {
  const database = await createScratchDatabase()
  const config = await buildScratchConfig(database, options)
  const payload = await getPayload({ config })
  const handlers = { DELETE: REST_DELETE(config), GET: REST_GET(config), PATCH: REST_PATCH(config), POST: REST_POST(config) }
  const graphqlHandler = GRAPHQL_POST(config)
  const headers = (token?: string): Record<string, string> => ({
    'Content-Type': 'application/json',
    ...(token ? { Authorization: `JWT ${token}` } : {}),
  })
  const read = async (response: Response) => {
    const text = await response.text()
    return { body: text ? JSON.parse(text) : null, status: response.status }
  }
  return {
    config,
    local: payload as unknown as ScratchLocalAPI,
    graphql: async (query, variables = {}, token) =>
      read(
        await graphqlHandler(
          new Request('http://localhost:3000/api/graphql', { body: JSON.stringify({ query, variables }), headers: headers(token), method: 'POST' }),
        ),
      ),
    login: async () => {
      const email = 'member@scratch.test'
      const local = payload as unknown as ScratchLocalAPI & { login: (args: Args) => Promise<{ token?: string; user: ScratchDoc }> }
      await local.create({ collection: 'members', data: { email, password: 'scratch-password' } })
      const { token, user } = await local.login({ collection: 'members', data: { email, password: 'scratch-password' } })
      return { token: token!, user: { ...user, collection: 'members' } }
    },
    payload,
    rest: async (method, pathWithQuery, body, token) => {
      const url = new URL(`/api${pathWithQuery}`, 'http://localhost:3000')
      const request = new Request(url, { body: body === undefined ? undefined : JSON.stringify(body), headers: headers(token), method })
      const slug = url.pathname.replace(/^\/api\//, '').split('/')
      return read(await handlers[method](request, { params: Promise.resolve({ slug }) }))
    },
    shutdown: () => closeAndDrop(payload, database),
  }
}
