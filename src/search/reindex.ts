import type { Payload, PayloadRequest } from 'payload'

import { invalidateOriginCache } from '@/originCache/invalidateOriginCache'

import { searchDialect } from './dialects'
import { readIndexRows } from './indexRows'

type ID = number | string

/** Stories read per batch when many are indexed at once (a renamed tag, a backfill). */
const BATCH = 500

/**
 * Brings the index rows of `ids` up to date with what is stored: a published story is (re)written,
 * anything else (a draft, an unpublished or deleted story) removed. In the request's transaction,
 * so a write that rolls back takes its index change with it.
 */
export const reindexStories = async (payload: Payload, ids: ID[], req?: Partial<PayloadRequest>): Promise<void> => {
  const dialect = searchDialect(payload)
  for (let start = 0; start < ids.length; start += BATCH) {
    const batch = ids.slice(start, start + BATCH)
    const rows = await readIndexRows(payload, batch, req)
    const published = new Set(rows.map(({ id }) => id))
    for (const row of rows) await dialect.upsert({ payload, req }, row)
    for (const id of batch.filter((each) => !published.has(each))) await dialect.remove({ payload, req }, id)
  }
}

/** The ids of the stories whose `field` (tags or authors) holds `id`, drafts included. */
export const storiesCarrying = async (
  payload: Payload,
  field: 'authors' | 'tags',
  id: ID,
  req?: Partial<PayloadRequest>,
): Promise<ID[]> => {
  const { docs } = await payload.find({
    collection: 'articles',
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select: {},
    where: { [field]: { equals: id } },
  })
  return docs.map((story) => story.id)
}

/**
 * Fills an empty index from the published stories: a database made before search existed. Run at
 * start-up; once any story is indexed it does nothing (each publish keeps the index current after).
 */
export const backfillIndex = async (payload: Payload): Promise<void> => {
  if (await searchDialect(payload).hasRows({ payload })) return
  const { docs } = await payload.find({
    collection: 'articles',
    depth: 0,
    draft: false,
    overrideAccess: true,
    pagination: false,
    select: {},
    where: { _status: { equals: 'published' } },
  })
  if (docs.length === 0) return
  payload.logger.info(`Search: indexing ${docs.length} published stories.`)
  // Raw SQL outside any request: the origin cache is told, or another instance would go on serving empty results.
  await invalidateOriginCache(payload, () =>
    reindexStories(
      payload,
      docs.map(({ id }) => id),
    ),
  )
}
