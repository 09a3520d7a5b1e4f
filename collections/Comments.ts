import type { CollectionConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { approvedOrEditors } from '@/access/approvedOrEditors'
import { editorsOnly } from '@/access/editorsOnly'
import { editorFieldOnly } from '@/access/fieldAccess'
import { validateRelationship } from '@/fields/validateRelationExists'
import { clampPublicReads } from '@/hooks/clampPublicReads'
import { guardRelationFilters } from '@/hooks/guardRelationFilters'
import { hideUnreadableRelations } from '@/hooks/hideUnreadableRelations'
import type { PrivateRelation } from '@/hooks/types'

// A reply may outlive its parent's approval: the hidden parent's id stays private.
const parentRelation: PrivateRelation = { name: 'parent', relationTo: 'comments' }

export const Comments: CollectionConfig<'comments'> = {
  slug: 'comments',
  access: {
    create: anyone,
    delete: editorsOnly,
    read: approvedOrEditors,
    update: editorsOnly,
  },
  admin: {
    defaultColumns: ['authorName', 'article', 'status', 'createdAt'],
    useAsTitle: 'authorName',
  },
  defaultSort: '-createdAt',
  fields: [
    {
      name: 'article',
      type: 'relationship',
      index: true,
      relationTo: 'articles',
      required: true,
      validate: validateRelationship,
    },
    {
      name: 'parent',
      type: 'relationship',
      index: true,
      relationTo: 'comments',
      validate: validateRelationship,
    },
    {
      name: 'authorName',
      type: 'text',
      maxLength: 80,
      required: true,
    },
    {
      name: 'authorEmail',
      type: 'email',
      access: {
        // Commenters give their address to the newsroom, not to other readers.
        read: editorFieldOnly,
      },
      required: true,
    },
    {
      name: 'body',
      type: 'textarea',
      maxLength: 5000,
      required: true,
    },
    {
      name: 'status',
      type: 'select',
      access: {
        // Whatever a reader sends, only moderators decide what is published.
        create: editorFieldOnly,
        read: editorFieldOnly,
        update: editorFieldOnly,
      },
      defaultValue: 'pending',
      index: true,
      options: [
        { label: 'Pending', value: 'pending' },
        { label: 'Approved', value: 'approved' },
        { label: 'Spam', value: 'spam' },
        { label: 'Rejected', value: 'rejected' },
      ],
      required: true,
    },
  ],
  hooks: {
    afterRead: [hideUnreadableRelations([parentRelation])],
    beforeOperation: [clampPublicReads, guardRelationFilters([parentRelation])],
  },
}
