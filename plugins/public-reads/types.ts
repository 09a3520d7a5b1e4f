import type { CollectionSlug, PayloadRequest } from 'payload'

/** A document as hooks receive it. */
export type AnyDocument = Record<string, unknown>

export type DocumentID = number | string

/** What `onPublicChange` is told. */
export type PublicChangeArgs = {
  /** Slug of the collection the document belongs to. */
  collection: CollectionSlug
  /** The document as it is now; for a delete, as it was. */
  doc: AnyDocument
  req: PayloadRequest
}

export type PublicReadsOptions = {
  /**
   * Relations whose unreadable values something else already removes, such as another plugin's
   * own field hook, keyed by collection slug, with paths as in a `where`:
   * `{ articles: ['readMore.doc'] }`. Filters on them are still guarded; only the second hiding
   * hook, and the query it would make, is left out. Each path must name a private relationship
   * or upload field the plugin found, or the config fails to build.
   * @default {}
   */
  hiddenElsewhere?: Record<string, string[]>
  /**
   * Readers whose lists are not clamped, e.g. `(user) => Boolean(user)` or a staff-role check.
   * Their filters and the ids they receive are still checked against their own read access.
   * @default () => false (every read is clamped, except trusted Local API calls that skip access)
   */
  isTrustedReader?: (user: PayloadRequest['user']) => boolean
  /**
   * The most documents one untrusted read may return, per list and per join. `limit=0`,
   * `pagination=false` and larger limits are all brought down to it.
   * @default 100
   */
  maxLimit?: number
  /**
   * Called after a document the public could see, before or after the change, is created,
   * updated or deleted: the place to clear a frontend's cache. Only for collections an anonymous
   * request may read something of. Errors are caught and logged, never shown to the writer.
   * @default undefined (nothing is called)
   */
  onPublicChange?: (args: PublicChangeArgs) => Promise<void> | void
}

/** The options with every default resolved and checked; frozen, so no later step can change them. */
export type SanitizedPublicReadsOptions = Readonly<{
  hiddenElsewhere: Readonly<Record<string, readonly string[]>>
  isTrustedReader: (user: PayloadRequest['user']) => boolean
  maxLimit: number
  onPublicChange?: (args: PublicChangeArgs) => Promise<void> | void
}>

/** A field that holds ids of documents some readers may not see, declared by its collection. */
export type DeclaredRelation = {
  /** The field, as in a `where`: `parentID`, `meta.source`, `links.doc`. */
  path: string
  /** The collection the ids belong to. */
  relationTo: CollectionSlug
}

/** What a collection may declare about itself, in `custom.publicReads`. */
export type PublicReadsCollectionSettings = {
  /**
   * Whether a document is one the public could see, for `onPublicChange`:
   * `(doc) => doc.status === 'approved'`.
   * @default (doc) => doc._status !== 'draft'
   */
  isPublicDocument?: (doc: AnyDocument) => boolean
  /**
   * Relations to guard and hide besides those the plugin finds: fields that hold ids without
   * being relationship fields, or a relation whose target anyone may read but whose ids are
   * still private here.
   * @default []
   */
  privateRelations?: DeclaredRelation[]
  /**
   * Overrides the probe of this collection's `access.read`. `true`: anyone may read every
   * document, so relations to it need no hiding. `false`: not so, even though the rule answered
   * `true` to the probe (for instance, it also looks at a header or the time).
   * @default undefined (the probe decides)
   */
  readableByAnyone?: boolean
}

/** One step from a document to a value: a field, only in rows of `blockType` when inside blocks. */
export type FieldStep = { blockType?: string; name: string }

/** A relationship, upload or join field (or a declared one) whose targets some readers may not see. */
export type PrivateRelation = {
  /** Joins are filtered by Payload with the target's read access: only filters on them need guarding. */
  join: boolean
  /** As in a `where`: `tags`, `meta.related`, `links.doc`. */
  path: string
  /** Values are `{ relationTo, value }`. */
  polymorphic: boolean
  /** The targets the public may not read in full; a polymorphic field's public targets are left out. */
  relationTo: string[]
  steps: FieldStep[]
}
