import type { CollectionConfig } from 'payload'

/**
 * How a byline or a tag is listed: sorted by its name, titled by it (or by a field derived from it,
 * as a tag's `adminTitle`), and populated into an article as its own fields only, without its
 * stories (see storiesJoin).
 */
export const listedByName = (defaultColumns: string[], useAsTitle = 'name'): Pick<CollectionConfig, 'admin' | 'defaultPopulate' | 'defaultSort'> => ({
  admin: { defaultColumns, useAsTitle },
  defaultPopulate: { articles: false },
  defaultSort: 'name',
})
