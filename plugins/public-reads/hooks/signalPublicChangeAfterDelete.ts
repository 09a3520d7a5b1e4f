import type { CollectionAfterDeleteHook } from 'payload'

import type { PublicChangeArgs } from '../types'
import type { PublicDocumentTest } from '../utilities/notifyPublicChange'

import { markCoverage } from '../utilities/coverage'
import { notifyPublicChange } from '../utilities/notifyPublicChange'

/** Signals the deletion of a document the public could see. */
export const signalPublicChangeAfterDelete = (
  onPublicChange: (args: PublicChangeArgs) => Promise<void> | void,
  isPublic: PublicDocumentTest,
): CollectionAfterDeleteHook =>
  markCoverage<CollectionAfterDeleteHook>(
    async ({ collection, doc, req }) => {
      if (isPublic(doc)) await notifyPublicChange(onPublicChange, { collection: collection.slug, doc, req })
      return doc
    },
    { kind: 'signal' },
  )
