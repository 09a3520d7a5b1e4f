import type { CollectionConfig } from 'payload'

import { adminsOnly } from '@/access/adminsOnly'
import { adminFieldOnly } from '@/access/fieldAccess'
import { roles } from '@/access/roles'
import { selfOrAdmins } from '@/access/selfOrAdmins'
import { selfOrEditors } from '@/access/selfOrEditors'
import { env } from '@/env'
import { clampPublicReads } from '@/hooks/clampPublicReads'

import { forgotPasswordEndpoint } from './endpoints/forgotPassword'
import { assignFirstUserAdmin } from './hooks/assignFirstUserAdmin'

export const Users: CollectionConfig<'users'> = {
  slug: 'users',
  access: {
    admin: ({ req: { user } }) => Boolean(user),
    create: adminsOnly,
    delete: adminsOnly,
    read: selfOrEditors,
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
    // A server-side frontend authenticates as a staff account with a key, e.g. for draft preview.
    useAPIKey: true,
  },
  endpoints: [forgotPasswordEndpoint],
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
  ],
  hooks: {
    beforeOperation: [clampPublicReads],
  },
}
