import type { CollectionSlug, PayloadRequest } from 'payload'

import type { AnyDocument, PublicChangeArgs, PublicReadsCollectionSettings } from '../types'

export type PublicDocumentTest = (doc: unknown) => boolean

const notADraft = (doc: AnyDocument): boolean => doc._status !== 'draft'

/** The collection's own `isPublicDocument`, or "not a draft", for documents that exist. */
export const publicDocumentTest = ({ isPublicDocument = notADraft }: PublicReadsCollectionSettings): PublicDocumentTest => {
  return (doc) => {
    const document = (doc ?? {}) as AnyDocument
    return document.id !== undefined && isPublicDocument(document)
  }
}

/** Calls the app's callback; a failed cache purge is logged, never turned into a failed write. */
export const notifyPublicChange = async (
  onPublicChange: (args: PublicChangeArgs) => Promise<void> | void,
  { collection, doc, req }: { collection: CollectionSlug; doc: AnyDocument; req: PayloadRequest },
): Promise<void> => {
  try {
    await onPublicChange({ collection, doc, req })
  } catch (err) {
    req.payload.logger.error({ err, msg: `publicReadsPlugin: onPublicChange failed for a ${collection} document` })
  }
}
