import type { CollectionConfig } from 'payload'

import { adminsOnly } from '@/access/adminsOnly'
import { nobody } from '@/access/nobody'
import { staffOnly } from '@/access/staffOnly'

import { REDIRECTS_SLUG } from './slug'
import { redirectedCollections } from './types'

/**
 * The old slugs of stories, tags and authors, each pointing at its document (not at a slug, so
 * renames never chain). Written only by the hooks of `slugRedirects`; admins may retire one by
 * deleting it. Staff read them (they may read every target); the public reads only what the
 * `/redirect` lookup of each collection answers, which checks the target against the reader.
 */
export const Redirects: CollectionConfig<'redirects'> = {
  slug: REDIRECTS_SLUG,
  access: {
    create: nobody,
    delete: adminsOnly,
    read: staffOnly,
    update: nobody,
  },
  admin: {
    defaultColumns: ['from', 'to', 'createdAt'],
    description: 'Old slugs that answer with a permanent redirect to their document. Recorded when a published slug changes.',
    useAsTitle: 'from',
  },
  fields: [
    {
      name: 'from',
      type: 'text',
      admin: { readOnly: true },
      index: true,
      required: true,
    },
    {
      name: 'to',
      type: 'relationship',
      admin: { readOnly: true },
      index: true,
      relationTo: [...redirectedCollections],
      required: true,
    },
  ],
}
