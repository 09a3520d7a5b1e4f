import type { Endpoint, GraphQLExtension, PayloadRequest } from 'payload'

import { addDataAndFileToRequest, generatePayloadCookie, headersWithCors } from 'payload'
import { isNumber } from 'payload/shared'

import { loginWithThrottle } from '@/auth/loginWithThrottle'

const asString = (value: unknown): string => (typeof value === 'string' ? value : '')

/**
 * `POST /api/users/login`, which the admin's login form also uses: Payload's own handler with the
 * login throttle in front (custom endpoints are matched before Payload's).
 */
export const loginEndpoint: Endpoint = {
  handler: async (req) => {
    await addDataAndFileToRequest(req)
    const collection = req.payload.collections.users
    const depth = req.searchParams.get('depth')
    const result = await loginWithThrottle({
      collection,
      data: { email: asString(req.data?.email), password: asString(req.data?.password) },
      depth: isNumber(depth) ? Number(depth) : undefined,
      req,
    })
    const cookie = generatePayloadCookie({
      collectionAuthConfig: collection.config.auth,
      cookiePrefix: req.payload.config.cookiePrefix,
      token: result.token!,
    })
    if (collection.config.auth.removeTokenFromResponses) delete result.token
    return Response.json(
      { message: req.t('authentication:passed'), ...result },
      { headers: headersWithCors({ headers: new Headers({ 'Set-Cookie': cookie }), req }) },
    )
  },
  method: 'post',
  path: '/login',
}

type LoginArgs = { email?: unknown; password?: unknown }
type Context = { headers: Record<string, string>; req: PayloadRequest }

/** GraphQL's `loginUser`, behind the same throttle as the endpoint above. */
export const loginMutation: GraphQLExtension = (_graphQL, { Mutation }) => ({
  loginUser: {
    ...Mutation.fields.loginUser,
    resolve: async (_source: unknown, { email, password }: LoginArgs, context: Context) => {
      const collection = context.req.payload.collections.users
      const result = await loginWithThrottle({
        collection,
        data: { email: asString(email), password: asString(password) },
        depth: 0,
        req: context.req,
      })
      context.headers['Set-Cookie'] = generatePayloadCookie({
        collectionAuthConfig: collection.config.auth,
        cookiePrefix: context.req.payload.config.cookiePrefix,
        token: result.token!,
      })
      if (collection.config.auth.removeTokenFromResponses) delete result.token
      return result
    },
  },
})
