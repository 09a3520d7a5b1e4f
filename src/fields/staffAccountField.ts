import type { FieldHook, RelationshipField } from 'payload'

import { staffFieldOnly } from '@/access/fieldAccess'
import { nobody } from '@/access/nobody'
import { isEditor } from '@/access/roles'
import { relationID } from '@/utilities/relationID'

/**
 * A staff account that did something to the document (`createdBy`, `updatedBy`): written by its
 * `stamp` hook alone, read-only, never public. The hook runs after field access has stripped any
 * client-sent value, so only what it returns is stored.
 */
export const staffAccountField = (name: string, stamp: FieldHook): RelationshipField => ({
  name,
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
      const account = relationID(data?.[name])
      return account !== undefined && (isEditor(user) || String(account) === String(user?.id))
    },
    position: 'sidebar',
    readOnly: true,
  },
  hooks: { beforeChange: [stamp] },
  relationTo: 'users',
})
