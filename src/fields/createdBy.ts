import type { Field } from 'payload'

import { staffFieldOnly } from '@/access/fieldAccess'
import { nobody } from '@/access/nobody'
import { isEditor } from '@/access/roles'
import { relationID } from '@/utilities/relationID'

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
    // Shown only when there is someone to name, to a reader who may read that account: empty on a
    // new document, and "Untitled - ID: 3" to a writer who may not read colleagues' accounts.
    condition: (data, _sibling, { user }) => {
      const creator = relationID(data?.createdBy)
      return creator !== undefined && (isEditor(user) || String(creator) === String(user?.id))
    },
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
