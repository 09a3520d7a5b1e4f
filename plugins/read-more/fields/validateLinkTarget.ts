import type { CollectionSlug, PayloadRequest, RelationshipFieldValidation } from 'payload'

import { relationship } from 'payload/shared'

import type { ReadMoreRow } from '../types'

import { findReadable } from '../utilities/readableDocuments'
import { parseDocumentID } from '../utilities/parseDocumentID'

type Target = { relationTo: string; value: number | string }

const isTarget = (value: unknown, allowed: readonly string[]): value is Target => {
  if (!value || typeof value !== 'object') return false
  const { relationTo, value: id } = value as Record<string, unknown>
  return typeof relationTo === 'string' && allowed.includes(relationTo) && (typeof id === 'number' || typeof id === 'string')
}

const singular = (req: PayloadRequest, slug: string): string => {
  const label = req.payload.collections[slug as CollectionSlug]?.config.labels?.singular
  return typeof label === 'string' ? label.toLowerCase() : slug
}

/** True for a never-published or unpublished document of a collection with drafts: it shows once published. */
const isDraft = async (req: PayloadRequest, target: Target): Promise<boolean> => {
  const collection = req.payload.collections[target.relationTo as CollectionSlug]?.config
  if (!collection?.versions?.drafts) return false
  // A trusted read of one status, not on behalf of the writer: the writer already found the document.
  const { docs } = await req.payload.find({
    collection: target.relationTo as CollectionSlug,
    depth: 0,
    draft: false,
    limit: 1,
    pagination: false,
    select: { _status: true },
    where: { id: { equals: target.value } },
  })
  return (docs[0] as undefined | { _status?: string })?._status === 'draft'
}

/**
 * An internal link must point at an existing document other than this one, that the public may
 * read, or that is a draft and will be readable once published. A staff-only document (an
 * internal tag, say) would be dropped for every reader, so it is refused when the editor saves.
 */
export const validateLinkTarget =
  (collectionSlug: string, allowed: readonly string[]): RelationshipFieldValidation =>
  async (value, options) => {
    const { id, overrideAccess, req } = options
    const row = options.siblingData as ReadMoreRow
    if (row?.type !== 'internal') return true
    if (value === null || value === undefined) return 'Choose the document to link to.'
    if (!isTarget(value, allowed)) {
      return `Must be { "relationTo": one of ${allowed.join(', ')}, "value": a document id }.`
    }
    if (value.relationTo === collectionSlug && id !== undefined && String(value.value) === String(id)) {
      return 'A document cannot link to itself.'
    }
    if (parseDocumentID(req.payload, value.relationTo, value.value) === undefined) {
      return `${JSON.stringify(value.value)} is not a valid ${singular(req, value.relationTo)} id.`
    }
    // Trusted writes check existence only; a person may link only what they can read themselves.
    const seen = await findReadable({
      collection: value.relationTo,
      ids: [value.value],
      payload: req.payload,
      trusted: Boolean(overrideAccess),
      user: req.user,
    })
    if (!seen.has(String(value.value))) return `There is no ${singular(req, value.relationTo)} with the id ${value.value}.`

    const isPublic = await findReadable({ collection: value.relationTo, ids: [value.value], payload: req.payload, user: null })
    if (!isPublic.has(String(value.value)) && !(await isDraft(req, value))) {
      return `This ${singular(req, value.relationTo)} is not visible to the public, so it cannot be a "Read more" link.`
    }
    // Payload's own checks last (id shape, the picker's filter): their messages are less specific.
    return relationship(value, options)
  }
