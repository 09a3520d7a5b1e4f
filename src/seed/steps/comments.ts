import type { Payload } from 'payload'

import type { Article } from '@/payload-types'

import type { SeedCount } from '../types'

import { comments } from '../data/comments'
import { findOne } from '../findOne'
import { emptyCount } from '../types'

/** Creates the missing comments, found again by author email and body, with replies after their parents. */
export const seedComments = async (payload: Payload, articles: Map<string, Article>): Promise<SeedCount> => {
  const count = emptyCount()
  const idsByKey = new Map<string, number>()
  for (const { key, article: slug, replyTo, authorEmail, authorName, body, status } of comments) {
    const article = articles.get(slug)
    if (!article) throw new Error(`Seed comment "${key}" is on an unknown article "${slug}".`)
    const parent = replyTo === undefined ? undefined : idsByKey.get(replyTo)
    if (replyTo !== undefined && parent === undefined) {
      throw new Error(`Seed comment "${key}" replies to "${replyTo}", which must be listed before it.`)
    }
    let comment = await findOne(payload, 'comments', {
      and: [{ authorEmail: { equals: authorEmail } }, { body: { equals: body } }],
    })
    if (comment) count.existing++
    else {
      // Written as a moderator left it: the status field is editors-only, which overrideAccess bypasses.
      comment = await payload.create({
        collection: 'comments',
        data: { article: article.id, authorEmail, authorName, body, parent, status },
        overrideAccess: true,
      })
      count.created++
    }
    idsByKey.set(key, comment.id)
  }
  return count
}
