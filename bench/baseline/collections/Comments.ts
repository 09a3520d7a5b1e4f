import type { CollectionConfig } from 'payload'

export const Comments: CollectionConfig = {
  slug: 'comments',
  access: { read: () => true },
  defaultSort: '-createdAt',
  fields: [
    { name: 'article', type: 'relationship', relationTo: 'articles', required: true },
    { name: 'parent', type: 'relationship', relationTo: 'comments' },
    { name: 'authorName', type: 'text', maxLength: 80, required: true },
    { name: 'authorEmail', type: 'email', required: true },
    { name: 'body', type: 'textarea', maxLength: 5000, required: true },
    {
      name: 'status',
      type: 'select',
      defaultValue: 'pending',
      options: ['pending', 'approved', 'spam', 'rejected'],
      required: true,
    },
    {
      name: 'signals',
      type: 'group',
      fields: [
        { name: 'honeypot', type: 'checkbox', defaultValue: false },
        { name: 'links', type: 'number', defaultValue: 0 },
        { name: 'flood', type: 'number', defaultValue: 0 },
      ],
    },
    { name: 'ipHash', type: 'text' },
    { name: 'level', type: 'number', defaultValue: 0 },
  ],
}
