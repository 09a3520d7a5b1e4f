import type { CollectionConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { editorsOnly } from '@/access/editorsOnly'
import { editorFieldOnly, staffFieldOnly } from '@/access/fieldAccess'
import { ownProfileOrEditors } from '@/access/ownProfileOrEditors'
import { listedByName } from '@/fields/listedByName'
import { nameField } from '@/fields/nameField'
import { newsroomSlugField } from '@/fields/slug'
import { storiesJoin } from '@/fields/storiesJoin'
import { validateHttpURL } from '@/fields/validateHttpURL'
import { validateRelationship, validateUpload } from '@/fields/validateRelationExists'

export const Authors: CollectionConfig<'authors'> = {
  slug: 'authors',
  access: {
    create: editorsOnly,
    delete: editorsOnly,
    read: anyone,
    update: ownProfileOrEditors,
  },
  ...listedByName(['name', 'jobTitle', 'slug']),
  fields: [
    nameField,
    newsroomSlugField('name'),
    {
      name: 'jobTitle',
      type: 'text',
      maxLength: 120,
    },
    {
      name: 'bio',
      type: 'richText',
    },
    {
      name: 'avatar',
      type: 'upload',
      relationTo: 'media',
      validate: validateUpload,
    },
    {
      name: 'links',
      type: 'array',
      fields: [
        {
          name: 'label',
          type: 'text',
          maxLength: 80,
          required: true,
        },
        {
          name: 'url',
          type: 'text',
          required: true,
          validate: validateHttpURL,
        },
      ],
      maxRows: 10,
    },
    {
      name: 'user',
      type: 'relationship',
      access: {
        // The account behind a byline is staff business: it never reaches the public.
        create: editorFieldOnly,
        read: staffFieldOnly,
        update: editorFieldOnly,
      },
      admin: {
        description: 'The staff account that writes under this byline.',
        position: 'sidebar',
      },
      relationTo: 'users',
      unique: true,
      validate: validateRelationship,
    },
    storiesJoin('authors'),
  ],
}
