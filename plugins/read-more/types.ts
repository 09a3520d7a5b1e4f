import type { Field } from 'payload'

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
   * Slugs of the collections an internal link may point to.
   * @default ['tags', 'articles']
   */
  relationTo?: string[]
  /**
   * Name of the top-level `hasMany` relationship field that holds a document's topics, in every
   * collection listed in `collections`. Automatic links are ranked by the topics they share.
   * @default 'tags'
   */
  tagsField?: string
}

/** The options with every default resolved and checked; frozen, so no later step can change them. */
export type SanitizedReadMoreOptions = Readonly<{
  auto: boolean
  collections: readonly string[]
  disabled: boolean
  fields?: ReadMoreFieldsOverride
  label: string
  maxLinks: number
  relationTo: readonly string[]
  tagsField: string
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
