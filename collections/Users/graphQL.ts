import type { GraphQLExtension } from 'payload'

import { apiKeyMutations } from './endpoints/apiKey'
import { forgotPasswordMutation } from './endpoints/forgotPassword'
import { loginMutation } from './endpoints/login'

/** The users collection's GraphQL mutations that replace or add to Payload's: `config.graphQL.mutations`. */
export const usersMutations: GraphQLExtension = (graphQL, info) => ({
  ...forgotPasswordMutation(graphQL, info),
  ...loginMutation(graphQL, info),
  ...apiKeyMutations(graphQL, info),
})
