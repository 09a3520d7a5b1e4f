import type { CollectionConfig } from 'payload'

import { slugField } from 'payload'

export const Authors: CollectionConfig = {
  slug: 'authors',
  access: { read: () => true },
  defaultSort: 'name',
  fields: [
    { name: 'name', type: 'text', maxLength: 120, required: true },
    slugField({ required: false, useAsSlug: 'name' }),
    { name: 'jobTitle', type: 'text', maxLength: 120 },
    { name: 'bio', type: 'richText' },
    { name: 'avatar', type: 'upload', relationTo: 'media' },
    {
      name: 'links',
      type: 'array',
      fields: [
        { name: 'label', type: 'text', maxLength: 80, required: true },
        { name: 'url', type: 'text', required: true },
      ],
      maxRows: 10,
    },
    { name: 'user', type: 'relationship', relationTo: 'users', unique: true },
    {
      name: 'articles',
      type: 'join',
      collection: 'articles',
      defaultLimit: 10,
      defaultSort: '-publishedAt',
      on: 'authors',
    },
  ],
}
