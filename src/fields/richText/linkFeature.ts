import type { CollectionSlug, FieldAffectingData } from 'payload'

import { LinkFeature } from '@payloadcms/richtext-lexical'

/** What the body may link to, stories first in the drawer's picker. Each is shown by its title or name. */
export const INTERNAL_LINK_COLLECTIONS: CollectionSlug[] = ['articles', 'tags', 'authors']

// Said in the drawer because a link to a draft looks fine to its editor and is not there for readers.
const DOC_DESCRIPTION =
  'Readers who may not see the linked document (a draft, an internal tag) get the words without the link, until it is published.'

// The spread keeps the field's own type; TypeScript cannot follow it through the relationship union.
const describeTarget = <T extends FieldAffectingData>(field: T): T =>
  field.name === 'doc' ? ({ ...field, admin: { ...field.admin, description: DOC_DESCRIPTION } } as T) : field

/**
 * Links to a URL or to a story, tag or author. Rich text is public JSON: safeLexicalEditor refuses
 * links to documents that are not there and turns those the reader may not see into text.
 */
export const newsroomLinkFeature = () =>
  LinkFeature({
    enabledCollections: INTERNAL_LINK_COLLECTIONS,
    fields: ({ defaultFields }) => defaultFields.map(describeTarget),
  })
