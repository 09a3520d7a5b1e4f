import type { CollectionAfterDeleteHook } from 'payload'

import type { SanitizedReadMoreOptions } from '../types'

import { topicIDs } from '../utilities/topicIDs'
import { recountTopics } from '../utilities/topicCounts'

/** A deleted document no longer counts towards its topics, nor towards the collection's total. */
export const recountTopicsAfterDelete =
  (options: SanitizedReadMoreOptions): CollectionAfterDeleteHook =>
  async ({ collection, doc, req }) => {
    await recountTopics({ options, payload: req.payload, req, slug: collection.slug }, topicIDs(doc?.[options.tagsField]))
    return doc
  }
