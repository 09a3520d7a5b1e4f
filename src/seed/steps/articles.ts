import type { Payload } from 'payload'

import type { Article } from '@/payload-types'

import { hasRoleAtLeast } from '@/access/roles'

import type { ArticleSeed } from '../data/articles'
import type { DemoUsers, SeedCount } from '../types'

import { articles } from '../data/articles'
import { findOne } from '../findOne'
import { richText } from '../lexical'
import { emptyCount } from '../types'
import { findOrCreateHeroImage } from './heroImage'
import { schedulePublication } from './schedulePublication'

const DAY = 24 * 60 * 60 * 1000

/** A time `days` from now (negative: in the past), on the minute, so the demo always looks current. */
const daysFromNow = (days: number): Date => {
  const date = new Date(Date.now() + days * DAY)
  date.setUTCSeconds(0, 0)
  return date
}

const idsOf = (slugs: string[], ids: Map<string, number>, kind: string): number[] =>
  slugs.map((slug) => {
    const id = ids.get(slug)
    if (id === undefined) throw new Error(`Seed data names an unknown ${kind} "${slug}".`)
    return id
  })

type Related = { authorIDs: Map<string, number>; tagIDs: Map<string, number>; users: DemoUsers }

type ArticlesResult = {
  articles: Map<string, Article>
  count: SeedCount
  media: SeedCount
  scheduledPublications: SeedCount
}

const createArticle = async (
  payload: Payload,
  seed: ArticleSeed,
  { authorIDs, tagIDs, users }: Related,
  heroImage: number | undefined,
): Promise<Article> => {
  const filer = users[seed.filedBy]
  const { publication } = seed
  const publishedAt = publication.status === 'published' ? daysFromNow(-publication.daysAgo).toISOString() : undefined
  // Contributors file drafts only (see createDraftUnlessAuthor), so their stories are published by the editor below.
  const publishOnCreate = publishedAt !== undefined && hasRoleAtLeast(filer, 'author')
  const article = await payload.create({
    collection: 'articles',
    data: {
      _status: publishOnCreate ? 'published' : 'draft',
      authors: idsOf(seed.authors, authorIDs, 'author'),
      commentsEnabled: seed.commentsEnabled ?? true,
      content: richText(seed.body),
      excerpt: seed.excerpt,
      heroImage,
      publishedAt: publishOnCreate ? publishedAt : undefined,
      slug: seed.slug,
      tags: idsOf(seed.tags, tagIDs, 'tag'),
      title: seed.title,
      workflow: publication.status === 'draft' ? (publication.workflow ?? 'draft') : 'draft',
    },
    draft: !publishOnCreate,
    overrideAccess: true,
    // Sets `createdBy` to the filing account, as when that person creates the story in the admin.
    user: filer,
  })
  if (publishedAt === undefined || publishOnCreate) return article
  return payload.update({
    id: article.id,
    collection: 'articles',
    data: { _status: 'published', publishedAt },
    overrideAccess: true,
    user: users.editor,
  })
}

/** Creates the missing stories (published, drafts, one scheduled) and returns every seeded story by slug. */
export const seedArticles = async (payload: Payload, related: Related): Promise<ArticlesResult> => {
  const result: ArticlesResult = {
    articles: new Map(),
    count: emptyCount(),
    media: emptyCount(),
    scheduledPublications: emptyCount(),
  }
  for (const seed of articles) {
    const heroImage = seed.hero
      ? await findOrCreateHeroImage(payload, seed.hero, related.users[seed.filedBy], result.media)
      : undefined
    let article = await findOne(payload, 'articles', { slug: { equals: seed.slug } })
    if (article) result.count.existing++
    else {
      article = await createArticle(payload, seed, related, heroImage)
      result.count.created++
    }
    result.articles.set(seed.slug, article)
    // Checked on every run, not only on create, so a job lost with a half-finished seed is queued again;
    // a story that is already out (its job has run) is left alone.
    if (seed.publication.status === 'scheduled' && article._status !== 'published') {
      const queued = await schedulePublication(
        payload,
        { id: article.id, waitUntil: daysFromNow(seed.publication.inDays) },
        related.users.editor,
      )
      result.scheduledPublications[queued ? 'created' : 'existing']++
    }
  }
  return result
}
