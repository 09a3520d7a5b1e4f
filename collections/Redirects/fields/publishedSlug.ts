import type { TextField } from 'payload'

import { nobody } from '@/access/nobody'

import { rememberPublishedSlug } from '../hooks/rememberPublishedSlug'

/**
 * The slug a story had when it was last published. A draft's slug is never public, and versions
 * are pruned (`maxPerDoc`), so the slug readers last saw is kept here, carried from version to
 * version, rather than searched for in the version history. Hidden: the API never shows it.
 */
export const publishedSlugField = (): TextField => ({
  name: 'publishedSlug',
  type: 'text',
  access: {
    create: nobody,
    update: nobody,
  },
  hidden: true,
  hooks: { beforeChange: [rememberPublishedSlug] },
})
