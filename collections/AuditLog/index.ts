import type { CollectionConfig } from 'payload'

import type { User } from '@/payload-types'

import { contentEntriesOrAdmins } from '@/access/contentEntriesOrAdmins'
import { nobody } from '@/access/nobody'
import { isEditor } from '@/access/roles'

import { AUDIT_LOG_SLUG, auditActions } from './actions'

const label = (action: string): string => action[0].toUpperCase() + action.slice(1).replace(/-/g, ' ')

/**
 * Who did what, when, to which document. Entries are written only by the audit hooks
 * (`recordAuditEntry`, trusted system work through the Local API): no API creates, edits or
 * deletes one, so the trail cannot be rewritten by the people it records.
 */
export const AuditLog: CollectionConfig<'audit-log'> = {
  slug: AUDIT_LOG_SLUG,
  access: {
    create: nobody,
    delete: nobody,
    read: contentEntriesOrAdmins,
    update: nobody,
  },
  admin: {
    defaultColumns: ['createdAt', 'action', 'collection', 'documentTitle', 'actorLabel', 'changedFields', 'detail'],
    description: 'Every create, edit, publication, deletion, role and API-key change, lockout and moderation decision. Read-only.',
    group: 'Admin',
    // Authors and contributors read no entry: the list would only ever be empty for them.
    hidden: ({ user }) => !isEditor(user as null | Partial<Pick<User, 'role'>>),
    listSearchableFields: ['documentTitle', 'actorLabel', 'documentID'],
    useAsTitle: 'documentTitle',
  },
  defaultSort: '-createdAt',
  // An entry is written once; a copy would be a record of something that never happened.
  disableDuplicate: true,
  fields: [
    {
      name: 'action',
      type: 'select',
      index: true,
      options: auditActions.map((action) => ({ label: label(action), value: action })),
      required: true,
    },
    {
      // The slug of the collection the entry is about.
      name: 'collection',
      type: 'text',
      index: true,
      required: true,
    },
    {
      name: 'documentID',
      type: 'text',
      index: true,
    },
    {
      // A snapshot: the title the document had then, kept after it is renamed or deleted.
      name: 'documentTitle',
      type: 'text',
    },
    {
      // Null for the public (a reader's comment, a failed login) and for system work with no user (the seed).
      name: 'actor',
      type: 'relationship',
      index: true,
      relationTo: 'users',
    },
    {
      // The actor's name and email then: an entry still says who after the account is deleted.
      name: 'actorLabel',
      type: 'text',
    },
    {
      // Names only, never values: the trail must not become a copy of every draft and password hash.
      name: 'changedFields',
      type: 'json',
    },
    {
      // E.g. "editor → admin", "pending → approved", "issued", the time a publication is scheduled for.
      name: 'detail',
      type: 'text',
    },
  ],
  // Never listed as a GraphQL mutation: entries are only ever written by the hooks.
  graphQL: { disableMutations: true, pluralName: 'AuditEntries', singularName: 'AuditEntry' },
}
