import type { ReadMoreLink } from '@plugins/read-more'

import { PayloadSDK } from '@payloadcms/sdk'

import type { Article, CommentCreate, PublicConfig } from '@/public-types'

/** A client typed with what the public receives: `authorEmail`, `status` and `createdBy` are not in it. */
export const createPublicSDK = (baseURL: string, fetchImpl?: typeof fetch): PayloadSDK<PublicConfig> =>
  new PayloadSDK<PublicConfig>({ baseURL, fetch: fetchImpl })

/** The home page: the newest published stories, as the reference frontend lists them. */
export const readHomePage = (sdk: PayloadSDK<PublicConfig>) =>
  sdk.find({
    collection: 'articles',
    depth: 1,
    joins: { comments: false },
    limit: 10,
    pagination: false,
    sort: '-publishedAt',
  })

/** A story page: the story by its slug and its "Read more about" links (`GET /api/articles/read-more?slug=`). */
export const readStory = async (
  sdk: PayloadSDK<PublicConfig>,
  slug: string,
): Promise<null | { links: ReadMoreLink[]; story: Article }> => {
  const { docs } = await sdk.find({
    collection: 'articles',
    depth: 1,
    joins: { comments: false },
    limit: 1,
    where: { slug: { equals: slug } },
  })
  const [story] = docs
  if (!story) return null
  const response = await sdk.request({ method: 'GET', path: `/articles/read-more?slug=${encodeURIComponent(slug)}` })
  const { links } = (await response.json()) as { links: ReadMoreLink[] }
  return { links, story }
}

/**
 * Posts a reader's comment. The SDK types `create` data by the read shape, which has no `authorEmail`
 * (the public may send it but never read it back), so the data is typed by `CommentCreate` instead.
 */
export const postComment = (sdk: PayloadSDK<PublicConfig>, data: CommentCreate) =>
  sdk.create({ collection: 'comments', data })
