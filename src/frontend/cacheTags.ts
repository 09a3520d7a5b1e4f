/**
 * The reference frontend keeps API answers in Next.js's data cache, tagged by the collections whose
 * documents they contain; the CMS clears a tag when one of those documents changes
 * (src/frontend/revalidate.ts). A story list holds articles, their bylines, tags and images.
 */
export const cacheTagOf = (collection: 'articles' | 'authors' | 'comments' | 'media' | 'tags'): string =>
  `newsroom:${collection}`

/** Without a change signalled (a scheduled publish runs outside a request), answers expire after this. */
export const revalidateSeconds = (): number => {
  const seconds = Number(process.env.FRONTEND_REVALIDATE_SECONDS ?? 60)
  return Number.isInteger(seconds) && seconds >= 0 ? seconds : 60
}
