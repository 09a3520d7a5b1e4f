import type { Field } from 'payload'

import { staffFieldOnly } from '@/access/fieldAccess'
import { nobody } from '@/access/nobody'

/**
 * The staff account that made this version: set on every write, so each stored version says who
 * made it (the versions view and its comparison show it). Read-only and never public.
 */
export const updatedByField = (): Field => ({
  name: 'updatedBy',
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
    // Runs after field access has stripped any client-sent value; a write with no staff session
    // (system work, a reader's request) leaves no one here rather than the previous editor.
    beforeChange: [({ req }) => (req.user?.collection === 'users' ? req.user.id : null)],
  },
  relationTo: 'users',
})
