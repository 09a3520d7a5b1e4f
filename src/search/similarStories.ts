import type { SimilarText } from '@plugins/read-more'

import { searchDialect } from './dialects'
import { wordsOf } from './searchArgs'

/** Words too common to say what a story is about; shorter words are skipped anyway. */
const COMMON_WORDS = new Set(['about', 'after', 'also', 'been', 'from', 'have', 'into', 'more', 'over', 'said', 'says', 'than', 'that', 'their', 'them', 'there', 'they', 'this', 'were', 'what', 'when', 'which', 'will', 'with', 'would'])

/** At most this many words of the story are looked for: enough to find its subject, few enough to stay cheap. */
const MAX_WORDS = 12

/**
 * The read-more plugin's text-similarity signal: published stories whose title, excerpt or topic
 * names share words with this story's title and excerpt, ranked by the search index. A story
 * that is not published (not indexed) has none.
 */
export const similarStories: SimilarText = async ({ exclude, id, limit, payload }) => {
  const dialect = searchDialect(payload)
  const summary = await dialect.readSummary({ payload }, id)
  if (!summary) return []
  const terms = wordsOf(`${summary.title} ${summary.excerpt}`)
    .filter((word) => word.length >= 4 && !COMMON_WORDS.has(word))
    .slice(0, MAX_WORDS)
  return terms.length ? dialect.rankByAnyTerm({ payload }, { exclude, limit, terms }) : []
}
