import type { CollectionAfterChangeHook } from 'payload'

import type { PublicChangeArgs } from '../types'
import type { PublicDocumentTest } from '../utilities/notifyPublicChange'

import { markCoverage } from '../utilities/coverage'
import { notifyPublicChange } from '../utilities/notifyPublicChange'

/** Signals a change the public could notice: a draft saved over a draft, or a held comment, changes no page. */
export const signalPublicChangeAfterChange = (
  onPublicChange: (args: PublicChangeArgs) => Promise<void> | void,
  isPublic: PublicDocumentTest,
): CollectionAfterChangeHook =>
  markCoverage<CollectionAfterChangeHook>(
    async ({ collection, doc, previousDoc, req }) => {
      if (isPublic(doc) || isPublic(previousDoc)) await notifyPublicChange(onPublicChange, { collection: collection.slug, doc, req })
      return doc
    },
    { kind: 'signal' },
  )
