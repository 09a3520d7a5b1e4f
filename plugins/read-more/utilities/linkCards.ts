import type { CollectionSlug, FlattenedField, Payload } from 'payload'

import type { DocumentID, LinkCard, LinkContext, LinkImage, SanitizedReadMoreOptions } from '../types'
import type { ResolveArgs } from './resolveLinks'

import { getDialect } from '../dialects'
import { type FoundDocument, findReadable } from './readableDocuments'
import { relationID, relationIDs } from './relationID'
import { titleFieldOf } from './titleField'
import { topicCollectionOf } from './topicCollection'

/** The fields a card reads from a linked document, when its collection has them. */
export const CARD_FIELDS = { date: 'publishedAt', excerpt: 'excerpt', image: 'heroImage' } as const
/** The image size a card shows, when the upload collection makes it. */
export const CARD_IMAGE_SIZE = 'card'

const fieldOf = (payload: Payload, collection: string, name: string): FlattenedField | undefined =>
  payload.collections[collection as CollectionSlug]?.config.flattenedFields.find((field) => field.name === name)

/** The card fields the linked collection has, to add to the `select` of its documents. */
export const cardSelect = (payload: Payload, collection: string, options: SanitizedReadMoreOptions): Record<string, true> => {
  const select: Record<string, true> = {}
  if (fieldOf(payload, collection, CARD_FIELDS.date)?.type === 'date') select[CARD_FIELDS.date] = true
  if (fieldOf(payload, collection, CARD_FIELDS.excerpt)) select[CARD_FIELDS.excerpt] = true
  if (fieldOf(payload, collection, CARD_FIELDS.image)?.type === 'upload') select[CARD_FIELDS.image] = true
  if (fieldOf(payload, collection, options.tagsField)?.type === 'relationship') select[options.tagsField] = true
  return select
}

type Target = { collection: string; doc: FoundDocument }

type UploadDoc = FoundDocument & { alt?: null | string; height?: null | number; sizes?: Record<string, { height?: null | number; url?: null | string; width?: null | number }>; url?: null | string; width?: null | number }

const imageOf = (upload: UploadDoc | undefined): LinkImage | null => {
  if (!upload) return null
  const size = upload.sizes?.[CARD_IMAGE_SIZE]
  if (size?.url) return { alt: upload.alt ?? null, height: size.height ?? null, url: size.url, width: size.width ?? null }
  return upload.url ? { alt: upload.alt ?? null, height: upload.height ?? null, url: upload.url, width: upload.width ?? null } : null
}

/** The linked documents' images, as the reader may see them: one read per upload collection. */
const readImages = async (payload: Payload, user: ResolveArgs['user'], targets: Target[]): Promise<Map<string, LinkImage | null>> => {
  const wanted = new Map<string, DocumentID[]>()
  for (const { collection, doc } of targets) {
    const field = fieldOf(payload, collection, CARD_FIELDS.image)
    const id = relationID(doc[CARD_FIELDS.image])
    if (field?.type === 'upload' && typeof field.relationTo === 'string' && id !== undefined) {
      wanted.set(field.relationTo, [...(wanted.get(field.relationTo) ?? []), id])
    }
  }
  const images = new Map<string, LinkImage | null>()
  for (const [collection, ids] of wanted) {
    const uploads = await findReadable({ collection, ids, payload, select: { alt: true, height: true, sizes: true, url: true, width: true }, user })
    for (const [id, upload] of uploads) images.set(`${collection}:${id}`, imageOf(upload as UploadDoc))
  }
  return images
}

/**
 * For each linked document of the source's collection, the rarest public topic both share
 * (the strongest reason they belong together), read as the public reads topics.
 */
const readContexts = async (
  payload: Payload,
  { collection, options, sourceTopics }: { collection: string; options: SanitizedReadMoreOptions; sourceTopics: DocumentID[] },
  targets: Target[],
): Promise<Map<string, LinkContext>> => {
  const contexts = new Map<string, LinkContext>()
  // Only links to the source's own collection can share its topics: no counts are read for a tag link alone.
  if (!sourceTopics.length || !targets.some((target) => target.collection === collection)) return contexts
  const { byTopic } = await getDialect(payload).readTopicCounts({ options, payload, slug: collection }, sourceTopics)
  const rarestFirst = [...sourceTopics].sort((a, b) => (byTopic.get(String(a)) ?? 0) - (byTopic.get(String(b)) ?? 0))
  const strongest = new Map<string, DocumentID>()
  for (const { collection: linked, doc } of targets) {
    if (linked !== collection) continue
    const shared = new Set(relationIDs(doc[options.tagsField]).map(String))
    const topic = rarestFirst.find((candidate) => shared.has(String(candidate)))
    if (topic !== undefined) strongest.set(`${linked}:${doc.id}`, topic)
  }
  const topicCollection = topicCollectionOf(payload, collection, options.tagsField)
  const titleField = titleFieldOf(payload, options, topicCollection)
  const topics = await findReadable({ collection: topicCollection, ids: [...strongest.values()], payload, select: { slug: true, [titleField]: true }, user: null })
  for (const [key, topicID] of strongest) {
    const topic = topics.get(String(topicID))
    if (topic) contexts.set(key, { name: String(topic[titleField]), slug: typeof topic.slug === 'string' ? topic.slug : null })
  }
  return contexts
}

/** The card of each internal link (by `collection:id`): image, date, excerpt and context. */
export const readLinkCards = async (
  payload: Payload,
  user: ResolveArgs['user'],
  source: { collection: string; options: SanitizedReadMoreOptions; sourceTopics: DocumentID[] },
  targets: Target[],
): Promise<Map<string, LinkCard>> => {
  const [images, contexts] = await Promise.all([readImages(payload, user, targets), readContexts(payload, source, targets)])
  const cards = new Map<string, LinkCard>()
  for (const { collection, doc } of targets) {
    const key = `${collection}:${doc.id}`
    const imageField = fieldOf(payload, collection, CARD_FIELDS.image)
    const imageID = relationID(doc[CARD_FIELDS.image])
    const date = doc[CARD_FIELDS.date]
    const excerpt = doc[CARD_FIELDS.excerpt]
    cards.set(key, {
      context: contexts.get(key) ?? null,
      excerpt: typeof excerpt === 'string' && excerpt.trim() ? excerpt : null,
      image: imageField?.type === 'upload' && imageID !== undefined ? (images.get(`${imageField.relationTo}:${imageID}`) ?? null) : null,
      publishedAt: typeof date === 'string' ? date : null,
    })
  }
  return cards
}
