import type { Payload } from 'payload'

import type { SeedCount } from '../types'

import { tags } from '../data/tags'
import { findOne } from '../findOne'
import { emptyCount } from '../types'

/** Creates the missing tags and returns every seeded tag's id by slug. */
export const seedTags = async (payload: Payload): Promise<{ count: SeedCount; ids: Map<string, number> }> => {
  const count = emptyCount()
  const ids = new Map<string, number>()
  for (const { name, slug, description, internal = false } of tags) {
    let tag = await findOne(payload, 'tags', { slug: { equals: slug } })
    if (tag) count.existing++
    else {
      tag = await payload.create({
        collection: 'tags',
        data: { name, slug, description, internal },
        overrideAccess: true,
      })
      count.created++
    }
    ids.set(slug, tag.id)
  }
  return { count, ids }
}
