import type { CollectionConfig } from 'payload'

import type { LoginThrottle } from '@/auth/loginThrottle'

import { adminsOnly } from '@/access/adminsOnly'
import { adminFieldOnly } from '@/access/fieldAccess'
import { roles } from '@/access/roles'
import { selfOrAdmins } from '@/access/selfOrAdmins'
import { selfOrEditors } from '@/access/selfOrEditors'
import { serverChosenAPIKeysOnly } from '@/access/serverChosenAPIKeysOnly'
import { env } from '@/env'

import { issueAPIKeyEndpoint, revokeAPIKeyEndpoint } from './endpoints/apiKey'
import { forgotPasswordEndpoint } from './endpoints/forgotPassword'
import { loginEndpoint } from './endpoints/login'
import { assignFirstUserAdmin } from './hooks/assignFirstUserAdmin'
import { forgetFailedLoginsOnUnlock } from './hooks/forgetFailedLoginsOnUnlock'
import { openDeskListByActivity } from './hooks/openDeskListByActivity'
import { refuseClientAPIKeys } from './hooks/refuseClientAPIKeys'

export type UsersOptions = {
  /** Created once with the config (src/rateLimits); read as `custom.loginThrottle` by `loginThrottleOf`. */
  loginThrottle: LoginThrottle
}

export const Users = ({ loginThrottle }: UsersOptions): CollectionConfig<'users'> => ({
  slug: 'users',
  access: {
    admin: ({ req: { user } }) => Boolean(user),
    create: adminsOnly,
    delete: adminsOnly,
    read: selfOrEditors,
    // Payload's default lets any logged-in account unlock any other (GHSA-jg8r-5jh2-v2xj).
    unlock: adminsOnly,
    update: selfOrAdmins,
  },
  admin: {
    defaultColumns: ['name', 'email', 'role'],
    useAsTitle: 'name',
  },
  auth: {
    cookies: {
      sameSite: 'Lax',
      secure: env.isProduction,
    },
    // The last resort behind the login throttle (LOGIN_LIMITS), which holds strangers at 5 failures
    // per account and window and restarts this count with each window: only addresses the account
    // has logged in from could fail 20 times in one.
    lockTime: 15 * 60 * 1000,
    maxLoginAttempts: 20,
    // A server-side frontend authenticates as a staff account with a key, e.g. for draft preview.
    useAPIKey: true,
  },
  // Held here, not passed to each endpoint, so the login endpoint, GraphQL's loginUser and the API-key
  // endpoints reach it through the collection they serve.
  custom: { loginThrottle },
  // Matched before Payload's own endpoints, so `/login` replaces Payload's.
  endpoints: [forgotPasswordEndpoint, loginEndpoint, issueAPIKeyEndpoint, revokeAPIKeyEndpoint],
  fields: [
    {
      name: 'name',
      type: 'text',
      maxLength: 120,
      required: true,
    },
    {
      name: 'role',
      type: 'select',
      access: {
        // No one raises their own role: only admins write it, and the first user is made admin by the hook.
        create: adminFieldOnly,
        update: adminFieldOnly,
      },
      defaultValue: 'contributor',
      hooks: {
        beforeChange: [assignFirstUserAdmin],
      },
      index: true,
      options: roles.map((role) => ({ label: role[0].toUpperCase() + role.slice(1), value: role })),
      required: true,
      saveToJWT: true,
    },
    // Payload's own field, merged: only the server writes a key (src/auth/apiKeys.ts).
    {
      name: 'apiKey',
      type: 'text',
      access: {
        create: serverChosenAPIKeysOnly,
        update: serverChosenAPIKeysOnly,
      },
    },
    {
      name: 'apiKeyControls',
      type: 'ui',
      admin: {
        components: {
          Field: '@collections/Users/components/APIKeyField#APIKeyField',
        },
      },
    },
  ],
  hooks: {
    afterChange: [openDeskListByActivity],
    afterOperation: [forgetFailedLoginsOnUnlock],
    beforeOperation: [refuseClientAPIKeys],
  },
})
