import type { Collection, Endpoint, GraphQLExtension } from 'payload'

import { addDataAndFileToRequest, forgotPasswordOperation, headersWithCors } from 'payload'

import { answerNoSoonerThan } from '@/utilities/answerNoSoonerThan'

type LoginData = Parameters<typeof forgotPasswordOperation>[0]['data']

/**
 * Every reset request is answered this long after it arrives, found or not: a real account costs a
 * token write, an unknown address one empty update, and the difference would tell them apart.
 */
export const FORGOT_PASSWORD_ANSWER_MS = 250

/** `POST /api/users/forgot-password`: Payload's own, answered in the same time for any address. */
export const forgotPasswordEndpoint: Endpoint = {
  handler: async (req) => {
    await addDataAndFileToRequest(req)
    // Payload types this argument as login data; its own handler passes the email alone, as here.
    const data = { email: typeof req.data?.email === 'string' ? req.data.email : '' } as LoginData
    await answerNoSoonerThan(FORGOT_PASSWORD_ANSWER_MS, () =>
      forgotPasswordOperation({ collection: req.payload.collections.users as Collection, data, req }),
    )
    return Response.json(
      { message: req.t('general:success') },
      { headers: headersWithCors({ headers: new Headers(), req }) },
    )
  },
  method: 'post',
  path: '/forgot-password',
}

/** GraphQL's `forgotPasswordUser`, answered in the same time for any address like the endpoint above. */
export const forgotPasswordMutation: GraphQLExtension = (_graphQL, { Mutation }) => {
  const payloadOwn = Mutation.fields.forgotPasswordUser
  return {
    forgotPasswordUser: {
      ...payloadOwn,
      resolve: (...args: unknown[]) =>
        answerNoSoonerThan(FORGOT_PASSWORD_ANSWER_MS, async () => payloadOwn.resolve(...args)),
    },
  }
}
