import type { CollectionSlug, Payload, PayloadRequest, SelectType, TypedUser } from 'payload'

import { NotFound } from 'payload'

import type { DocumentID, LinkCard, ReadMoreLink, ReadMoreRow, SanitizedReadMoreOptions } from '../types'

import { eligibilitySelect, findExcludedTopics, isEligible, notBeforeOf } from './automaticFilters'
import { isHttpURL, normalizeURL } from './isHttpURL'
import { cardSelect, readLinkCards } from './linkCards'
import { findIDBySlug } from './findIDBySlug'
import { parseDocumentID } from './parseDocumentID'
import { rankRelated } from './rankRelated'
import { type FoundDocument, findReadable, NO_JOINS, READ_MORE_INTERNAL } from './readableDocuments'
import { relationID, relationIDs } from './relationID'
import { titleFieldOf } from './titleField'
import { topicCollectionOf } from './topicCollection'
import { READ_MORE_FIELD } from './validateAgainstConfig'

export type ResolveArgs = {
  /** Slug of a collection the plugin is installed on. */
  collection: string
  /** The document: its id, or (`id` undefined) its `slug`. */
  id?: unknown
  /** How many links at most; already checked (1–20). */
  limit: number
  options: SanitizedReadMoreOptions
  payload: Payload
  slug?: unknown
  /** The reader; `null` for the public. */
  user: null | PayloadRequest['user'] | TypedUser
}

/** Extra ranked ids asked for, in case the reader may not read some of the best ones. */
const RANK_SLACK = 5

const titleOf = (payload: Payload, options: SanitizedReadMoreOptions, collection: string, doc: FoundDocument): string => {
  const title = doc[titleFieldOf(payload, options, collection)]
  return typeof title === 'string' && title.trim() ? title : String(doc.id)
}

const hasSlug = (payload: Payload, collection: string): boolean =>
  payload.collections[collection as CollectionSlug].config.flattenedFields.some((field) => field.name === 'slug')

const selectFor = (payload: Payload, collection: string, options: SanitizedReadMoreOptions): SelectType => {
  const select: SelectType = { [titleFieldOf(payload, options, collection)]: true, ...cardSelect(payload, collection, options) }
  if (options.collections.includes(collection)) Object.assign(select, eligibilitySelect(payload, collection, options))
  if (hasSlug(payload, collection)) select.slug = true
  return select
}

/** An internal link without its card, which `resolveReadMoreLinks` adds for all links at once. */
type BareInternalLink = Omit<Extract<ReadMoreLink, { kind: 'internal' }>, keyof LinkCard>
type BareLink = BareInternalLink | Extract<ReadMoreLink, { kind: 'external' }>

const internalLink = (
  payload: Payload,
  options: SanitizedReadMoreOptions,
  collection: string,
  doc: FoundDocument,
  source: 'auto' | 'curated',
): BareInternalLink => ({
  collection,
  id: doc.id,
  kind: 'internal',
  slug: typeof doc.slug === 'string' ? doc.slug : null,
  source,
  title: titleOf(payload, options, collection, doc),
})

/** The readable documents of several collections, one query per collection. */
const findAllReadable = async (
  payload: Payload,
  user: ResolveArgs['user'],
  options: SanitizedReadMoreOptions,
  wanted: Map<string, DocumentID[]>,
): Promise<Map<string, FoundDocument>> => {
  const found = new Map<string, FoundDocument>()
  for (const [collection, ids] of wanted) {
    if (!payload.collections[collection as CollectionSlug]) continue
    const docs = await findReadable({ collection, ids, payload, select: selectFor(payload, collection, options), user })
    for (const [id, doc] of docs) found.set(`${collection}:${id}`, doc)
  }
  return found
}

const curatedLinks = async (
  payload: Payload,
  user: ResolveArgs['user'],
  options: SanitizedReadMoreOptions,
  rows: ReadMoreRow[],
  linked: Map<string, FoundDocument>,
): Promise<BareLink[]> => {
  const wanted = new Map<string, DocumentID[]>()
  for (const row of rows) {
    const target = row.type === 'internal' ? row.doc : undefined
    const id = relationID(target?.value)
    if (target && id !== undefined) wanted.set(target.relationTo, [...(wanted.get(target.relationTo) ?? []), id])
  }
  const readable = await findAllReadable(payload, user, options, wanted)
  const links: BareLink[] = []
  const seen = new Set<string>()
  for (const row of rows) {
    if (row.type === 'external') {
      // Checked again on the way out: rows stored before validation existed may hold any scheme.
      if (!row.url || !isHttpURL(row.url) || seen.has(normalizeURL(row.url))) continue
      seen.add(normalizeURL(row.url))
      links.push({ kind: 'external', source: 'curated', title: row.title?.trim() || row.url, url: row.url })
      continue
    }
    const relationTo = row.doc?.relationTo
    const id = relationID(row.doc?.value)
    const key = `${relationTo}:${id}`
    const doc = readable.get(key)
    if (!relationTo || !doc || seen.has(key)) continue
    seen.add(key)
    linked.set(key, doc)
    links.push(internalLink(payload, options, relationTo, doc, 'curated'))
  }
  return links
}

/** Only topics the public may read count: a link must never exist "because of" an internal topic. */
const publicTopics = async (payload: Payload, collection: string, options: SanitizedReadMoreOptions, value: unknown) => {
  const topics = relationIDs(value)
  const topicCollection = topicCollectionOf(payload, collection, options.tagsField)
  const readable = await findReadable({ collection: topicCollection, ids: topics, payload, user: null })
  return topics.filter((topic) => readable.has(String(topic)))
}

/**
 * The links shown under one document for one reader: its curated links in the editor's order,
 * minus any the reader may not read, then automatic links while room remains. A document the
 * reader may not read is a 404, exactly like a missing one.
 */
export const resolveReadMoreLinks = async ({
  id: rawID,
  collection,
  limit,
  options,
  payload,
  slug,
  user,
}: ResolveArgs): Promise<ReadMoreLink[]> => {
  const id = rawID === undefined ? await findIDBySlug({ collection, payload, slug, user }) : parseDocumentID(payload, collection, rawID)
  if (id === undefined) throw new NotFound()
  const doc = (await payload.findByID({
    id,
    collection: collection as CollectionSlug,
    // The curated rows are checked below with the reader's access, together with their titles.
    context: { [READ_MORE_INTERNAL]: true },
    depth: 0,
    disableErrors: true,
    draft: false,
    // Only two fields are read: no join (comments, related lists) is worth running for them.
    joins: NO_JOINS,
    overrideAccess: false,
    select: { [options.tagsField]: true, [READ_MORE_FIELD]: true } as SelectType,
    user: user ?? undefined,
  })) as null | Record<string, unknown>
  if (!doc) throw new NotFound()

  const rows = (Array.isArray(doc[READ_MORE_FIELD]) ? doc[READ_MORE_FIELD] : []) as ReadMoreRow[]
  const linked = new Map<string, FoundDocument>()
  const links = (await curatedLinks(payload, user, options, rows, linked)).slice(0, limit)
  const room = limit - links.length
  const excludedTopics = options.auto && room > 0 ? await findExcludedTopics(payload, collection, options) : []
  // An excluded topic counts for nothing: neither in the ranking nor as a link's context.
  const topics = (await publicTopics(payload, collection, options, doc[options.tagsField])).filter(
    (topic) => !excludedTopics.some((excluded) => String(excluded) === String(topic)),
  )
  if (options.auto && room > 0) {
    const exclude = [
      id,
      ...rows
        .filter((row) => row.type === 'internal' && row.doc?.relationTo === collection)
        .map((row) => relationID(row.doc?.value))
        .filter((value): value is DocumentID => value !== undefined),
    ]
    const wanted = room + RANK_SLACK
    const notBefore = notBeforeOf(options)
    const ranked = (await rankRelated({ exclude, excludedTopics, limit: wanted, notBefore, options, payload, slug: collection, topics })).map(
      (entry) => entry.id,
    )
    // Text similarity fills what the topics leave: documents that share none, or too little.
    const similar =
      options.similarText && ranked.length < wanted
        ? await options.similarText({ collection, exclude: [...exclude, ...ranked], id, limit: wanted - ranked.length, payload })
        : []
    const fromText = new Set(similar.map(String))
    const readable = await findAllReadable(payload, user, options, new Map([[collection, [...ranked, ...similar]]]))
    for (const candidate of [...ranked, ...similar]) {
      if (links.length >= limit) break
      const key = `${collection}:${candidate}`
      const target = readable.get(key)
      if (!target || linked.has(key)) continue
      if (fromText.has(String(candidate)) && !isEligible(payload, { collection, doc: target, excludedTopics, notBefore, options })) continue
      linked.set(key, target)
      links.push(internalLink(payload, options, collection, target, 'auto'))
    }
  }
  const kept = links.filter((link): link is BareInternalLink => link.kind === 'internal')
  const cards = await readLinkCards(
    payload,
    user,
    { collection, options, sourceTopics: topics },
    kept.map((link) => ({ collection: link.collection, doc: linked.get(`${link.collection}:${link.id}`)! })),
  )
  return links.map((link) => (link.kind === 'internal' ? { ...link, ...cards.get(`${link.collection}:${link.id}`)! } : link))
}
