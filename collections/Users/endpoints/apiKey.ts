import type { Endpoint, GraphQLExtension, PayloadRequest } from 'payload'

import { addDataAndFileToRequest, headersWithCors } from 'payload'

import { issueAPIKey, revokeAPIKey } from '@/auth/apiKeys'

const idOf = (req: PayloadRequest): string => String(req.routeParams?.id ?? '')

// The key is in this one answer only: no cache along the way may keep it.
const privateHeaders = (req: PayloadRequest): Headers =>
  headersWithCors({ headers: new Headers({ 'Cache-Control': 'no-store' }), req })

/**
 * `POST /api/users/:id/api-key` with `{ "currentPassword": "…" }` (not needed by an admin for
 * another account): creates or replaces the account's API key and answers it, once.
 */
export const issueAPIKeyEndpoint: Endpoint = {
  handler: async (req) => {
    await addDataAndFileToRequest(req)
    const apiKey = await issueAPIKey({ id: idOf(req), currentPassword: req.data?.currentPassword, req })
    return Response.json(
      { apiKey, message: 'API key created. Copy it now: it will not be shown again.' },
      { headers: privateHeaders(req), status: 201 },
    )
  },
  method: 'post',
  path: '/:id/api-key',
}

/** `DELETE /api/users/:id/api-key`: removes the account's API key (the account itself or an admin). */
export const revokeAPIKeyEndpoint: Endpoint = {
  handler: async (req) => {
    await revokeAPIKey({ id: idOf(req), req })
    return Response.json({ message: 'API key revoked.' }, { headers: privateHeaders(req) })
  },
  method: 'delete',
  path: '/:id/api-key',
}

type Context = { req: PayloadRequest }

/** GraphQL's `generateAPIKeyUser(id, currentPassword)` (the new key) and `revokeAPIKeyUser(id)`, as the endpoints above. */
export const apiKeyMutations: GraphQLExtension = (graphQL) => ({
  generateAPIKeyUser: {
    type: new graphQL.GraphQLNonNull(graphQL.GraphQLString),
    args: {
      id: { type: new graphQL.GraphQLNonNull(graphQL.GraphQLInt) },
      currentPassword: { type: graphQL.GraphQLString },
    },
    description: 'Creates or replaces an API key and returns it, once. Your own needs currentPassword.',
    resolve: (_source: unknown, { currentPassword, id }: { currentPassword?: string; id: number }, { req }: Context) =>
      issueAPIKey({ id, currentPassword, req }),
  },
  revokeAPIKeyUser: {
    type: new graphQL.GraphQLNonNull(graphQL.GraphQLBoolean),
    args: { id: { type: new graphQL.GraphQLNonNull(graphQL.GraphQLInt) } },
    description: 'Removes an API key (your own, or any as an admin).',
    resolve: async (_source: unknown, { id }: { id: number }, { req }: Context) => {
      await revokeAPIKey({ id, req })
      return true
    },
  },
})
