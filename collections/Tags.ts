import type { CollectionConfig } from 'payload'

import { authorsAndAbove } from '@/access/authorsAndAbove'
import { editorsOnly } from '@/access/editorsOnly'
import { publicTagsOrStaff } from '@/access/publicTagsOrStaff'
import { listedByName } from '@/fields/listedByName'
import { nameField } from '@/fields/nameField'
import { newsroomSlugField } from '@/fields/slug'
import { storiesJoin } from '@/fields/storiesJoin'
import { tagAdminTitleField } from '@/fields/tagAdminTitle'

export const Tags: CollectionConfig<'tags'> = {
  slug: 'tags',
  access: {
    create: authorsAndAbove,
    delete: editorsOnly,
    read: publicTagsOrStaff,
    update: editorsOnly,
  },
  ...listedByName(['name', 'slug', 'internal'], 'adminTitle'),
  fields: [
    nameField,
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
    storiesJoin('tags'),
    tagAdminTitleField,
  ],
}
