import type { CollectionAfterChangeHook, CollectionSlug, PayloadRequest } from 'payload'

import type { AuditedDecisions } from '../types'

import { changedFields } from '../changedFields'
import { publishedStateKey } from '../publishedState'
import { recordAuditEntry } from '../recordAuditEntry'
import { titleOf } from '../titleOf'

type Doc = Record<string, unknown> & { _status?: string; id: number | string }

/** Fields Payload writes when a key is issued or revoked; the key itself is stored encrypted. */
const API_KEY_FIELDS = ['apiKey', 'apiKeyIndex', 'enableAPIKey']

const isPublished = (doc: Doc | undefined): boolean => doc?._status === 'published'

/**
 * Whether the main document, not only a new draft version, is now a draft: saving a draft over a
 * published story leaves the story public, and only a write without `draft` takes it down.
 */
const mainDocumentIsDraft = async (req: PayloadRequest, collection: CollectionSlug, id: number | string): Promise<boolean> => {
  const main = await req.payload.db.findOne<Doc>({ collection, req, select: { _status: true }, where: { id: { equals: id } } })
  return main?._status === 'draft'
}

const said = (value: unknown): string => (value === null || value === undefined || value === '' ? '—' : String(value))

/**
 * Records a create or an edit: publication and unpublication of versioned documents, decisions
 * (`decisions`: moderation, role changes), API-key changes, and any other edit with the names of
 * the fields it changed. Every entry is written with `req`, in the write's own transaction.
 */
export const recordChange =
  (decisions: AuditedDecisions = {}): CollectionAfterChangeHook =>
  async ({ collection, context, doc, operation, previousDoc, req }) => {
    const base = { collection: collection.slug, documentID: String(doc.id), documentTitle: titleOf(collection, doc) }
    const versioned = Boolean(collection.versions?.drafts)
    if (operation === 'create') {
      await recordAuditEntry(req, { ...base, action: 'create' })
      if (versioned && isPublished(doc)) await recordAuditEntry(req, { ...base, action: 'publish' })
      return doc
    }

    // `doc` was read at the request's depth and with its field access; read what was stored, as
    // `previousDoc` was (depth 0, every field), so the comparison sees only real changes.
    // Trusted system read: nothing of it is returned to the person asking.
    const stored = await req.payload.findByID({
      id: doc.id,
      collection: collection.slug,
      depth: 0,
      disableErrors: true,
      draft: true,
      overrideAccess: true,
      req,
      showHiddenFields: true,
    })
    const after = (stored ?? doc) as Doc
    const changed = changedFields(collection, previousDoc, after)
    const decided = decisions[collection.slug] ?? {}
    const edited: string[] = []
    let keyChanged = false
    for (const field of changed) {
      if (decided[field]) {
        await recordAuditEntry(req, { ...base, action: decided[field], detail: `${said(previousDoc[field])} → ${said(after[field])}` })
      } else if (API_KEY_FIELDS.includes(field)) {
        keyChanged = true
      } else if (field !== '_status') {
        edited.push(field)
      }
    }
    if (keyChanged) {
      await recordAuditEntry(req, { ...base, action: 'api-key-change', detail: after.enableAPIKey ? 'issued' : 'revoked' })
    }

    let action: 'publish' | 'unpublish' | 'update' = 'update'
    if (versioned && isPublished(after) && !isPublished(previousDoc)) action = 'publish'
    const wasPublic = context[publishedStateKey(collection.slug, doc.id)] === true
    if (versioned && wasPublic && !isPublished(after) && (await mainDocumentIsDraft(req, collection.slug, doc.id))) {
      action = 'unpublish'
    }
    if (action !== 'update' || edited.length > 0) {
      await recordAuditEntry(req, { ...base, action, changedFields: edited.length > 0 ? edited : null })
    }
    return doc
  }
