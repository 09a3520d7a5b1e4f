import type { CollectionConfig } from 'payload'

import { authorsAndAbove } from '@/access/authorsAndAbove'
import { editorsOnly } from '@/access/editorsOnly'
import { publicTagsOrStaff } from '@/access/publicTagsOrStaff'
import { newsroomSlugField } from '@/fields/slug'

export const Tags: CollectionConfig<'tags'> = {
  slug: 'tags',
  access: {
    create: authorsAndAbove,
    delete: editorsOnly,
    read: publicTagsOrStaff,
    update: editorsOnly,
  },
  admin: {
    defaultColumns: ['name', 'slug', 'internal'],
    useAsTitle: 'name',
  },
  // Populated into an article, a tag is its own fields only: its `articles` join would sort every
  // story of the tag on each read, a cost that grows with the archive (docs/PERFORMANCE.md).
  defaultPopulate: { articles: false },
  defaultSort: 'name',
  fields: [
    {
      name: 'name',
      type: 'text',
      maxLength: 120,
      required: true,
    },
    newsroomSlugField('name'),
    {
      name: 'description',
      type: 'textarea',
      maxLength: 2000,
    },
    {
      name: 'internal',
      type: 'checkbox',
      admin: {
        description: 'Internal tags organise staff work and are never shown to the public.',
        position: 'sidebar',
      },
      defaultValue: false,
      index: true,
    },
    {
      name: 'articles',
      type: 'join',
      collection: 'articles',
      defaultLimit: 10,
      defaultSort: '-publishedAt',
      on: 'tags',
    },
  ],
}
