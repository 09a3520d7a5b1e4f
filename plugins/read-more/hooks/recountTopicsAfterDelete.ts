import type { CollectionAfterDeleteHook } from 'payload'

import type { SanitizedReadMoreOptions } from '../types'

import { getDialect } from '../dialects'
import { relationIDs } from '../utilities/relationID'

/** A deleted document no longer counts towards its topics, nor towards the collection's total. */
export const recountTopicsAfterDelete =
  (options: SanitizedReadMoreOptions): CollectionAfterDeleteHook =>
  async ({ collection, doc, req }) => {
    const target = { options, payload: req.payload, req, slug: collection.slug }
    await getDialect(req.payload).recountTopics(target, relationIDs(doc?.[options.tagsField]))
    return doc
  }
