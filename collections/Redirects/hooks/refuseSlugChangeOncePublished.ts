import type { CollectionBeforeChangeHook } from 'payload'

import { ValidationError } from 'payload'

import type { Article } from '@/payload-types'

import { isEditor } from '@/access/roles'

/**
 * Once a story has been published, readers and search engines link to its slug: only editors and
 * admins change it, and the old one then answers with a redirect. A 400 naming `slug` for the
 * others, where field access would drop the change without a word. Trusted calls without a user pass.
 */
export const refuseSlugChangeOncePublished: CollectionBeforeChangeHook<Article> = ({ collection, data, originalDoc, req }) => {
  if (!req.user || isEditor(req.user) || !originalDoc?.publishedSlug) return data
  if (data.slug === undefined || data.slug === originalDoc.slug) return data
  const message = 'only editors and admins may change the slug of a story that has been published.'
  throw new ValidationError({ collection: collection.slug, errors: [{ label: `slug: ${message}`, message, path: 'slug' }], req }, req.t)
}
