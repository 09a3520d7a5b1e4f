import type { Payload, PayloadRequest, Where } from 'payload'

import type { IndexRow } from './dialects/types'

import { relationID } from '@/utilities/relationID'

import { MARK_END, MARK_START } from './highlight'
import { plainText } from './plainText'

type ID = number | string

// The snippet markers (highlight.ts) must never come from the text itself.
const clean = (text: null | string | undefined): string => (text ?? '').replaceAll(MARK_START, ' ').replaceAll(MARK_END, ' ')

/** Names of the documents of `collection` among `ids` that `where` lets through, by id. */
const namesByID = async (
  payload: Payload,
  req: Partial<PayloadRequest> | undefined,
  collection: 'authors' | 'tags',
  ids: ID[],
  where: Where = {},
): Promise<Map<ID, string>> => {
  if (ids.length === 0) return new Map()
  const { docs } = await payload.find({
    collection,
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select: { name: true },
    where: { and: [{ id: { in: ids } }, where] },
  })
  return new Map(docs.map(({ id, name }) => [id, name]))
}

/**
 * The index rows of those of `ids` that are published, as the public reads them: the published
 * version (never a newer draft), public tags' names (an internal tag is never searchable) and the
 * authors' names. Three reads for any number of stories, in the request's transaction.
 */
export const readIndexRows = async (payload: Payload, ids: ID[], req?: Partial<PayloadRequest>): Promise<IndexRow[]> => {
  if (ids.length === 0) return []
  const { docs: stories } = await payload.find({
    collection: 'articles',
    depth: 0,
    draft: false,
    overrideAccess: true,
    pagination: false,
    req,
    select: { authors: true, content: true, excerpt: true, tags: true, title: true },
    where: { and: [{ id: { in: ids } }, { _status: { equals: 'published' } }] },
  })
  const idsOf = (field: 'authors' | 'tags'): ID[] =>
    [...new Set(stories.flatMap((story) => (story[field] ?? []).map(relationID)))].filter((id) => id !== undefined)
  const [tags, authors] = await Promise.all([
    namesByID(payload, req, 'tags', idsOf('tags'), { internal: { not_equals: true } }),
    namesByID(payload, req, 'authors', idsOf('authors')),
  ])
  return stories.map((story) => ({
    id: story.id,
    body: clean(plainText(story.content)),
    excerpt: clean(story.excerpt),
    title: clean(story.title),
    topics: clean(
      [...(story.tags ?? []).map((tag) => tags.get(relationID(tag)!)), ...(story.authors ?? []).map((author) => authors.get(relationID(author)!))]
        .filter(Boolean)
        .join(', '),
    ),
  }))
}
