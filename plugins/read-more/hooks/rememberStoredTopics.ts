import type { CollectionBeforeChangeHook } from 'payload'

import type { SanitizedReadMoreOptions } from '../types'

import { getDialect } from '../dialects'

/** Where the stored state before a save waits for `recountTopicsAfterChange`. */
export const storedStateKey = (slug: string, id: number | string) => `readMoreStoredState:${slug}:${id}`

/**
 * Notes which topics the stored document carried and whether it was published, before the save
 * changes them: the topics it leaves must be recounted too, and a save that changes neither
 * (a draft over a published story, an edit of the text) needs no recount at all.
 */
export const rememberStoredTopics =
  (options: SanitizedReadMoreOptions): CollectionBeforeChangeHook =>
  async ({ collection, data, operation, originalDoc, req }) => {
    if (operation !== 'update' || originalDoc?.id === undefined) return data
    const target = { options, payload: req.payload, req, slug: collection.slug }
    const stored = await getDialect(req.payload).readStoredState(target, originalDoc.id)
    req.context[storedStateKey(collection.slug, originalDoc.id)] = stored
    return data
  }
