import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeDeleteHook } from 'payload'

import { searchDialect } from './dialects'
import { reindexStories, storiesCarrying } from './reindex'

/** A story's index row follows every write: publish, unpublish, edit of the published version, scheduled publish. */
export const indexStory: CollectionAfterChangeHook = async ({ doc, req }) => {
  await reindexStories(req.payload, [doc.id], req)
  return doc
}

export const unindexStory: CollectionAfterDeleteHook = async ({ id, req }) => {
  await searchDialect(req.payload).remove({ payload: req.payload, req }, id)
}

type Topic = 'authors' | 'tags'

/** A tag's or author's name is searchable on its stories: a rename (or a tag made internal) reindexes them. */
export const reindexTopicStories =
  (field: Topic): CollectionAfterChangeHook =>
  async ({ doc, operation, previousDoc, req }) => {
    if (operation === 'update' && (doc.name !== previousDoc?.name || doc.internal !== previousDoc?.internal)) {
      await reindexStories(req.payload, await storiesCarrying(req.payload, field, doc.id, req), req)
    }
    return doc
  }

const contextKey = (field: Topic, id: number | string) => `search:stories:${field}:${id}`

/** Deleting a tag or author drops its relations: the stories that carried it are noted first… */
export const noteTopicStories =
  (field: Topic): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    // Read first: the Local API call may give `req` a new context object, which must get the note.
    const stories = await storiesCarrying(req.payload, field, id, req)
    req.context[contextKey(field, id)] = stories
  }

/** …and reindexed once it is gone. */
export const reindexAfterTopicDelete =
  (field: Topic): CollectionAfterDeleteHook =>
  async ({ id, req }) => {
    const stories = req.context[contextKey(field, id)] as (number | string)[] | undefined
    if (stories?.length) await reindexStories(req.payload, stories, req)
  }
