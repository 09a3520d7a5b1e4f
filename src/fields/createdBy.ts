import type { Field } from 'payload'

import { staffFieldOnly } from '@/access/fieldAccess'
import { nobody } from '@/access/nobody'

/** The staff account that created the document: set once on create, read-only, never public. */
export const createdByField = (): Field => ({
  name: 'createdBy',
  type: 'relationship',
  access: {
    create: nobody,
    read: staffFieldOnly,
    update: nobody,
  },
  admin: {
    position: 'sidebar',
    readOnly: true,
  },
  hooks: {
    // Runs after field access has stripped any client-sent value, so only the session's user lands here.
    beforeChange: [({ operation, req, value }) => (operation === 'create' ? (req.user?.id ?? value) : value)],
  },
  index: true,
  relationTo: 'users',
})
