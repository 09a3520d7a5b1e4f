import { apiURL } from './api'
import { authorPath, storyPath, tagPath } from './site'

/** The pages an old slug may lead to: a story, or a tag's or author's page and feeds. */
const SLUG_PAGE = /^\/(articles|authors|tags)\/([^/]+)(\/feed\.xml|\/atom\.xml)?$/

const pathOf = { articles: storyPath, authors: authorPath, tags: tagPath } as const

type Collection = keyof typeof pathOf

const decoded = (segment: string): null | string => {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}

/**
 * Where a slug page has moved, for the public: the path at the document's current slug when the
 * slug is an old one (`GET /api/<collection>/redirect?slug=`, read anonymously like every page, so a
 * story the public may not read leads nowhere), else null. Never cached: a rename must take effect
 * at once. Any failure is null, and the page answers as it would have (its own 404).
 */
export const findMovedPath = async (pathname: string): Promise<null | string> => {
  const match = SLUG_PAGE.exec(pathname)
  if (!match) return null
  const [, collection, segment, feed = ''] = match as unknown as [string, Collection, string, string | undefined]
  // Stories have no feeds of their own.
  if (collection === 'articles' && feed) return null
  const slug = decoded(segment)
  if (!slug) return null
  try {
    const response = await fetch(`${apiURL}/api/${collection}/redirect?slug=${encodeURIComponent(slug)}`, {
      cache: 'no-store',
      headers: { Accept: 'application/json' },
      signal: AbortSignal.timeout(5_000),
    })
    if (!response.ok) return null
    const current = ((await response.json()) as { slug?: unknown }).slug
    if (typeof current !== 'string' || current === slug) return null
    return `${pathOf[collection](current)}${feed}`
  } catch {
    return null
  }
}
