import type { JoinField } from 'payload'

/**
 * The stories that name this document in their `on` field, newest first: a byline's or a topic's
 * page. Collections keep it out of populated copies (`defaultPopulate`), since sorting every story
 * of a busy tag on each article read grows with the archive (docs/PERFORMANCE.md).
 */
export const storiesJoin = (on: 'authors' | 'tags'): JoinField => ({
  name: 'articles',
  type: 'join',
  // A tag or byline not yet saved has no stories: no empty "No Results" table.
  admin: { condition: (data) => data?.id !== undefined },
  collection: 'articles',
  defaultLimit: 10,
  defaultSort: '-publishedAt',
  on,
})
