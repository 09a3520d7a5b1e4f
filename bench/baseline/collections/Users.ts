import type { CollectionConfig } from 'payload'

// Payload needs an auth collection; `createdBy` points here. The benchmark signs nobody in.
export const Users: CollectionConfig = {
  slug: 'users',
  auth: true,
  fields: [
    { name: 'name', type: 'text', required: true },
    {
      name: 'role',
      type: 'select',
      defaultValue: 'contributor',
      options: ['contributor', 'author', 'editor', 'admin'],
      required: true,
    },
  ],
}
