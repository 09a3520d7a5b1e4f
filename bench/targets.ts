import type { BenchDatabase } from './database'

import { archiveShape, tagIDOfRank } from './content'
import { seededRandom } from './random'

/**
 * Tag pages measured: every public tag among the 100 most used, so that the few very popular tags
 * (rank 1 is on ~40% of stories) and the many mid-popularity ones are both in the mix.
 */
export const tagPageRanks = (shape = archiveShape()): number[] =>
  Array.from({ length: Math.min(100, shape.tagCount) }, (_, i) => i + 1).filter(
    (rank) => !shape.internalTagRanks.has(rank),
  )

export type Targets = {
  /** Published stories, in a fixed shuffled order: requests rotate over the whole archive. */
  articles: { id: number; slug: string }[]
  tagIDs: number[]
}

/** What the scenarios rotate over, read from the filled project database (the same rows as the baseline's). */
export const readTargets = async (database: BenchDatabase): Promise<Targets> => {
  const rows = await database.rows(`SELECT id, slug FROM articles WHERE _status = 'published' ORDER BY id`)
  const articles = rows.map((row) => ({ id: Number(row.id), slug: String(row.slug) }))
  const random = seededRandom(0x1b873593)
  for (let i = articles.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[articles[i], articles[j]] = [articles[j], articles[i]]
  }
  return { articles, tagIDs: tagPageRanks().map(tagIDOfRank) }
}
