import type { Payload } from 'payload'

import type { SeedSummary } from './types'

import { seedArticles } from './steps/articles'
import { seedAuthors } from './steps/authors'
import { seedComments } from './steps/comments'
import { seedTags } from './steps/tags'
import { seedUsers } from './steps/users'

export type { SeedCount, SeedSummary } from './types'
export { demoLogins } from './data/users'

/**
 * Loads the demo newsroom: logins, bylines, tags, stories, comments. Idempotent: everything is looked
 * up by a natural key first and only what is missing is created, so a second run creates nothing.
 * Every call passes `overrideAccess: true` on purpose: this is trusted system work, not a person's request.
 */
export const seed = async (payload: Payload): Promise<SeedSummary> => {
  const { count: users, users: demoUsers } = await seedUsers(payload)
  const { count: authors, ids: authorIDs } = await seedAuthors(payload, demoUsers)
  const { count: tags, ids: tagIDs } = await seedTags(payload)
  const {
    articles: seededArticles,
    count: articles,
    media,
    scheduledPublications,
  } = await seedArticles(payload, { authorIDs, tagIDs, users: demoUsers })
  const comments = await seedComments(payload, seededArticles)
  return { articles, authors, comments, media, scheduledPublications, tags, users }
}
