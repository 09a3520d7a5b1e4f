import type { CollectionAfterChangeHook } from 'payload'

import type { StoredState } from '../dialects/types'
import type { SanitizedReadMoreOptions } from '../types'

import { getDialect } from '../dialects'
import { storedStateKey } from './rememberStoredTopics'

const same = (a?: StoredState, b?: StoredState) =>
  a?.published === b?.published && a?.topics.join() === b?.topics.join()

/**
 * Keeps the topic counts behind the ranking's weights exact after a save: a publish, an
 * unpublish or a retag recounts the topics the stored document had before and has now. Runs in
 * the save's transaction, so it sees the rows just written and rolls back with them.
 */
export const recountTopicsAfterChange =
  (options: SanitizedReadMoreOptions): CollectionAfterChangeHook =>
  async ({ collection, doc, req }) => {
    const target = { options, payload: req.payload, req, slug: collection.slug }
    const key = storedStateKey(collection.slug, doc.id)
    const before = req.context[key] as StoredState | undefined
    delete req.context[key]
    const dialect = getDialect(req.payload)
    const after = await dialect.readStoredState(target, doc.id)
    if (same(before, after) || (!before?.published && !after?.published)) return doc
    await dialect.recountTopics(target, [...(before?.topics ?? []), ...(after?.topics ?? [])])
    return doc
  }
