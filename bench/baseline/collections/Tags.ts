import type { CollectionConfig } from 'payload'

import { slugField } from 'payload'

export const Tags: CollectionConfig = {
  slug: 'tags',
  access: { read: () => true },
  defaultSort: 'name',
  fields: [
    { name: 'name', type: 'text', maxLength: 120, required: true },
    slugField({ required: false, useAsSlug: 'name' }),
    { name: 'description', type: 'textarea', maxLength: 2000 },
    { name: 'internal', type: 'checkbox', defaultValue: false },
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
