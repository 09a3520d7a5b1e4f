import type { CollectionBeforeOperationHook } from 'payload'

import { isServerAPIKeyChange } from '@/auth/apiKeys'
import { InvalidField } from '@/auth/errors'

/**
 * Refuses an API key chosen by the client (400 naming the field) on every surface, the Local API
 * included: a key like "a" would be guessed, and a key set without the password would turn a
 * stolen session into lasting access. Keys come from `POST /api/users/:id/api-key` only.
 */
export const refuseClientAPIKeys: CollectionBeforeOperationHook<'users'> = ({ args, operation, req }) => {
  if ((operation !== 'create' && operation !== 'update') || isServerAPIKeyChange(req.context)) return args
  const data = (args as { data?: Record<string, unknown> }).data
  for (const path of ['apiKey', 'apiKeyIndex']) {
    const value = data?.[path]
    if (typeof value === 'string' && value !== '') {
      throw new InvalidField(
        'users',
        path,
        `${path} cannot be set: API keys are made by the server, on POST /api/users/:id/api-key (GraphQL generateAPIKeyUser).`,
      )
    }
  }
  return args
}
