import type { CollectionConfig } from 'payload'

/**
 * How a byline or a tag is listed: titled and sorted by its name, and populated into an article
 * as its own fields only, without its stories (see storiesJoin).
 */
export const listedByName = (defaultColumns: string[]): Pick<CollectionConfig, 'admin' | 'defaultPopulate' | 'defaultSort'> => ({
  admin: { defaultColumns, useAsTitle: 'name' },
  defaultPopulate: { articles: false },
  defaultSort: 'name',
})
