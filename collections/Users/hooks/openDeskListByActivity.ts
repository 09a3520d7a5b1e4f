import type { CollectionAfterChangeHook } from 'payload'

/** How a new account's stories list opens: the latest edited first, drafts among them. */
export const DESK_LIST_SORT = '-updatedAt'

/**
 * Gives a new account's admin list of stories its first sort, as a Payload list preference. The
 * collection's default, `-publishedAt`, is the public API's order, and under it drafts (no
 * publication date) sink to the last page on SQLite; on the desk, what was edited last comes
 * first. Sorting by a column afterwards replaces it, as any list preference.
 */
export const openDeskListByActivity: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  // Through the adapter: Payload's own preference write checks the account against the reader's
  // access, and whoever creates an account (the seed, a script) may have none.
  await req.payload.db.create({
    collection: 'payload-preferences',
    data: { key: 'collection-articles', user: { relationTo: 'users', value: doc.id }, value: { sort: DESK_LIST_SORT } },
    req,
  })
  return doc
}
