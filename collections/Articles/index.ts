import type { CollectionConfig } from 'payload'

import { createDraftUnlessAuthor, deleteOwnDraftOrEditors, updateOwnArticleOrEditors } from '@/access/articleAccess'
import { authorFieldOnly } from '@/access/fieldAccess'
import { publishedOrStaff } from '@/access/publishedOrStaff'
import { staffOnly } from '@/access/staffOnly'
import { createdByField } from '@/fields/createdBy'
import { newsroomSlugField } from '@/fields/slug'
import { clampPublicReads } from '@/hooks/clampPublicReads'
import { hideUnreadableRelations } from '@/hooks/hideUnreadableRelations'

import { followTitleUntilPublished } from './hooks/followTitleUntilPublished'
import { setPublishedAt } from './hooks/setPublishedAt'

export const Articles: CollectionConfig<'articles'> = {
  slug: 'articles',
  access: {
    create: createDraftUnlessAuthor,
    delete: deleteOwnDraftOrEditors,
    read: publishedOrStaff,
    readVersions: staffOnly,
    update: updateOwnArticleOrEditors,
  },
  admin: {
    defaultColumns: ['title', 'authors', '_status', 'publishedAt'],
    useAsTitle: 'title',
  },
  defaultSort: '-publishedAt',
  fields: [
    {
      name: 'title',
      type: 'text',
      maxLength: 200,
      required: true,
    },
    newsroomSlugField(),
    {
      name: 'excerpt',
      type: 'textarea',
      admin: {
        description: 'The dek: one or two plain sentences under the headline.',
      },
      maxLength: 320,
    },
    {
      name: 'heroImage',
      type: 'upload',
      relationTo: 'media',
    },
    {
      name: 'content',
      type: 'richText',
    },
    {
      name: 'authors',
      type: 'relationship',
      admin: {
        position: 'sidebar',
      },
      hasMany: true,
      index: true,
      minRows: 1,
      relationTo: 'authors',
      required: true,
    },
    {
      name: 'tags',
      type: 'relationship',
      admin: {
        position: 'sidebar',
      },
      hasMany: true,
      index: true,
      relationTo: 'tags',
    },
    {
      name: 'publishedAt',
      type: 'date',
      access: {
        // Contributors cannot write it, so an empty value reliably means "never published".
        create: authorFieldOnly,
        update: authorFieldOnly,
      },
      admin: {
        date: { pickerAppearance: 'dayAndTime' },
        position: 'sidebar',
      },
      index: true,
    },
    {
      name: 'commentsEnabled',
      type: 'checkbox',
      admin: {
        position: 'sidebar',
      },
      defaultValue: true,
    },
    createdByField(),
  ],
  hooks: {
    afterRead: [hideUnreadableRelations([{ name: 'tags', relationTo: 'tags' }])],
    beforeChange: [setPublishedAt, followTitleUntilPublished],
    beforeOperation: [clampPublicReads],
  },
  indexes: [{ fields: ['_status', 'publishedAt'] }],
  versions: {
    drafts: {
      schedulePublish: true,
    },
    maxPerDoc: 50,
  },
}
