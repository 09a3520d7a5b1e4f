import type { Field, Payload } from 'payload'

/** Receives the fields the plugin would add (the `readMore` array) and returns the ones to add instead. */
export type ReadMoreFieldsOverride = (args: { defaultFields: Field[] }) => Field[]

export type ReadMoreOptions = {
  /**
   * Fill the remaining room after the curated links with published documents of the same
   * collection that share topics with this one.
   * @default true
   */
  auto?: boolean
  /**
   * Slugs of the collections that get the `readMore` field, the `/:id/read-more` endpoint and
   * automatic links.
   * @default ['articles']
   */
  collections?: string[]
  /**
   * Keeps the `readMore` field and the topic-count collection, so the database schema and the
   * migrations stay the same, but turns off everything else: hooks, validation side effects,
   * the endpoint and the GraphQL query. The field is hidden from the API and the admin while
   * disabled, because the hook that hides links to unreadable documents no longer runs.
   * @default false
   */
  disabled?: boolean
  /**
   * Slugs of topics (the `slug` field of the `tagsField` collection) that never make an automatic
   * link: a document carrying one is never suggested, and sharing one counts for nothing. For
   * topics such as "sponsored" or "corrections" that say nothing about what a story is about.
   * @default [] (none)
   */
  excludeTags?: string[]
  /**
   * Replaces the fields the plugin adds, in the style of the SEO plugin:
   * `fields: ({ defaultFields }) => [...defaultFields, myField]`. The result must still contain
   * the `readMore` array at the top level of the document's data.
   * @default undefined (the default fields)
   */
  fields?: ReadMoreFieldsOverride
  /**
   * Label of the `readMore` field in the admin panel.
   * @default 'Read more about'
   */
  label?: string
  /**
   * The most curated rows a document may hold, and the default number of links the endpoint
   * returns. An integer from 1 to 20.
   * @default 5
   */
  maxLinks?: number
  /**
   * Automatic links only to documents dated (`publishedAt`, else `createdAt`) within this many
   * days before the request. A whole number of at least 1. Curated links are never dropped.
   * @default undefined (any age)
   */
  maxAgeDays?: number
  /**
   * The least score an automatic link by shared topics must reach. A document's score is the sum,
   * over the public topics it shares, of ln(1 + N / n): N published documents, n carrying the
   * topic. One shared topic that half the archive carries scores 1.10, one that 1% carries 4.62.
   * A number of at least 0.
   * @default 0 (any shared topic)
   */
  minScore?: number
  /**
   * Slugs of the collections an internal link may point to.
   * @default ['tags', 'articles']
   */
  relationTo?: string[]
  /**
   * The text-similarity signal: documents whose text resembles this one's, best first. Used after
   * the ranking by shared topics, to fill the room left with documents that share no topic; the
   * plugin still checks each one against the reader's access, `maxAgeDays` and `excludeTags`.
   * The project passes its search index (title and excerpt); any full-text engine fits.
   * @default undefined (topics only)
   */
  similarText?: SimilarText
  /**
   * The field that titles a linked document, and a topic in a link's context, for readers, per
   * collection slug, where it is not the collection's `admin.useAsTitle`: for instance
   * `{ tags: 'name' }` when the admin titles tags by a staff-only field. A top-level field.
   * @default {} (each collection's `admin.useAsTitle`)
   */
  titleFields?: Record<string, string>
  /**
   * Name of the top-level `hasMany` relationship field that holds a document's topics, in every
   * collection listed in `collections`. Automatic links are ranked by the topics they share.
   * @default 'tags'
   */
  tagsField?: string
}

/** What `similarText` is asked: the document, and how many others it may name at most. */
export type SimilarTextArgs = {
  collection: string
  /** Ids never to name: the document itself, its curated links and the links already chosen. */
  exclude: DocumentID[]
  id: DocumentID
  limit: number
  payload: Payload
}

/** Ids of published documents of the same collection, most similar first. */
export type SimilarText = (args: SimilarTextArgs) => Promise<DocumentID[]>

/** The options with every default resolved and checked; frozen, so no later step can change them. */
export type SanitizedReadMoreOptions = Readonly<{
  auto: boolean
  collections: readonly string[]
  disabled: boolean
  excludeTags: readonly string[]
  fields?: ReadMoreFieldsOverride
  label: string
  maxAgeDays?: number
  maxLinks: number
  minScore: number
  relationTo: readonly string[]
  similarText?: SimilarText
  tagsField: string
  titleFields: Readonly<Record<string, string>>
}>

/** A document id as Payload hands it over: a number on SQLite's default ids, a string otherwise. */
export type DocumentID = number | string

export type ReadMoreLinkKind = 'external' | 'internal'
export type ReadMoreLinkSource = 'auto' | 'curated'

/** The linked document's image, in the `card` size when the upload collection has one. */
export type LinkImage = { alt: null | string; height: null | number; url: string; width: null | number }

/** The topic a frontend prints above a link ("In Politics"): the rarest public topic both documents share. */
export type LinkContext = { name: string; slug: null | string }

/**
 * What a frontend needs to render an internal link as a card, each null when the linked
 * document's collection has no such field (`publishedAt`, `excerpt`, an upload `heroImage`) or
 * the reader may not see it.
 */
export type LinkCard = {
  context: LinkContext | null
  excerpt: null | string
  image: LinkImage | null
  publishedAt: null | string
}

/** One resolved link, as the endpoint and the GraphQL query return it. */
export type ReadMoreLink =
  | {
      /** Slug of the linked document's collection, e.g. `tags` or `articles`. */
      collection: string
      id: number | string
      kind: 'internal'
      /** The linked document's `slug` field, or null when its collection has none. */
      slug: null | string
      source: ReadMoreLinkSource
      /** The linked document's `admin.useAsTitle` value. */
      title: string
    } & LinkCard
  | {
      kind: 'external'
      source: 'curated'
      title: string
      url: string
    }

/** A curated row as it is stored; `doc` is `{ relationTo, value }` (value an id, or a document at depth ≥ 1). */
export type ReadMoreRow = {
  doc?: null | { relationTo: string; value: unknown }
  id?: null | string
  title?: null | string
  type?: null | ReadMoreLinkKind
  url?: null | string
}
