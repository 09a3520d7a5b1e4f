import { beforeAll, describe, expect, it } from 'vitest'

import type { Paginated, ReadMoreLink } from '@/frontend/api'
import type { Article, Comment, Tag } from '@/payload-types'

import { articles as seededArticles } from '@/seed/data/articles'
import { comments as seededComments } from '@/seed/data/comments'

import { createLeakFinder, type LeakRoot, type LeakRules } from '../helpers/findLeaks'
import { baseURL, getJSON, graphqlQuery, nextReaderAddress, staffToken } from './support'

const published = seededArticles.filter(({ publication }) => publication.status === 'published')
const unpublished = seededArticles.filter(({ publication }) => publication.status !== 'published')
const INTERNAL_TAG = { name: 'Needs legal review', slug: 'needs-legal-review' }
// A published story with comments open, an approved thread and comments still held back.
const STORY_SLUG = 'pollock-catch-limit-cut-by-a-fifth-for-primorsky-fleet'

let editorToken: string
let findLeaks: ReturnType<typeof createLeakFinder>
let publicRules: LeakRules
let story: Article

const expectNoLeaks = (body: unknown, root: LeakRoot, rules: LeakRules = publicRules) =>
  expect(findLeaks(body, root, rules)).toEqual([])

const postComment = async (data: Record<string, unknown>, address = nextReaderAddress()) =>
  fetch(`${baseURL()}/api/comments`, {
    body: JSON.stringify(data),
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address },
    method: 'POST',
  })

/** A reader's comment on the story, answered 201 whatever becomes of it: the document the reader gets back. */
const commentOnStory = async (data: Record<string, unknown>): Promise<Comment> => {
  const response = await postComment({ article: story.id, ...data })
  expect(response.status).toBe(201)
  return ((await response.json()) as { doc: Comment }).doc
}

const commentAsEditor = async (id: number): Promise<Comment> =>
  (await getJSON<Comment>(`/comments/${id}?depth=0`, { token: editorToken })).body

beforeAll(async () => {
  process.env.PAYLOAD_SECRET ??= 'e2e-leak-finder'
  // The config is only read for the collections' shapes: nothing here connects to a database.
  const { default: configPromise } = await import('@payload-config')
  findLeaks = createLeakFinder(await configPromise)
  editorToken = await staffToken('editor')

  const staffView = async <T>(path: string) => (await getJSON<Paginated<T>>(path, { token: editorToken })).body.docs
  const [internalTags, hiddenArticles, hiddenComments] = await Promise.all([
    staffView<Tag>('/tags?where[internal][equals]=true&depth=0&limit=100'),
    // Never published: drafts and the scheduled story.
    staffView<Article>('/articles?where[_status][not_equals]=published&depth=0&limit=100'),
    staffView<Comment>('/comments?where[status][not_equals]=approved&depth=0&limit=100'),
  ])
  expect(internalTags.map(({ slug }) => slug)).toContain(INTERNAL_TAG.slug)
  expect(hiddenArticles.map(({ slug }) => slug).sort()).toEqual(unpublished.map(({ slug }) => slug).sort())
  expect(hiddenComments.length).toBeGreaterThan(0)

  publicRules = {
    ids: {
      articles: hiddenArticles.map(({ id }) => id),
      comments: hiddenComments.map(({ id }) => id),
      tags: internalTags.map(({ id }) => id),
    },
    keys: ['authorEmail', 'ipHash', 'signals', 'createdBy', 'email', 'password', 'apiKey'],
    keysByCollection: { authors: ['user'], comments: ['status', 'level'] },
    strings: [
      INTERNAL_TAG.name,
      INTERNAL_TAG.slug,
      '@newsroom.test',
      ...unpublished.map(({ title }) => title),
      ...seededComments.map(({ authorEmail }) => authorEmail),
      ...seededComments.filter(({ status }) => status !== 'approved').map(({ body }) => body),
    ],
  }

  const { body } = await getJSON<Paginated<Article>>(`/articles?where[slug][equals]=${STORY_SLUG}&depth=0`)
  story = body.docs[0]
})

describe('REST, as a frontend reads it', () => {
  it('lists the published stories newest first, with bylines and tags populated and nothing private', async () => {
    const { body, status } = await getJSON<Paginated<any>>('/articles?depth=1&limit=20&sort=-publishedAt')
    expect(status).toBe(200)
    const slugs = body.docs.map(({ slug }: Article) => slug) as string[]
    // The browser suite may have published a story of its own by now: the seeded ones are checked.
    const seededNewestFirst = [...published]
      .sort((a, b) => (a.publication as { daysAgo: number }).daysAgo - (b.publication as { daysAgo: number }).daysAgo)
      .map(({ slug }) => slug)
    expect(slugs.filter((slug) => seededNewestFirst.includes(slug))).toEqual(seededNewestFirst)
    for (const { slug } of unpublished) expect(slugs).not.toContain(slug)
    const dates = body.docs.map(({ publishedAt }: Article) => publishedAt)
    expect(dates).toEqual([...dates].sort().reverse())
    for (const article of body.docs) {
      expect(article._status).toBe('published')
      expect(article.authors[0]).toMatchObject({ name: expect.any(String), slug: expect.any(String) })
      expect(article.tags.every((tag: Tag) => typeof tag === 'object' && !tag.internal)).toBe(true)
    }
    expectNoLeaks(body, 'articles')
  })

  it('filters the list by a tag’s slug', async () => {
    const { body, status } = await getJSON<Paginated<any>>('/articles?where[tags.slug][equals]=climate&depth=1&limit=20')
    expect(status).toBe(200)
    expect(body.docs.map(({ slug }) => slug).sort()).toEqual(
      published.filter(({ tags }) => tags.includes('climate')).map(({ slug }) => slug).sort(),
    )
    for (const article of body.docs) expect(article.tags.map(({ slug }: Tag) => slug)).toContain('climate')
    expectNoLeaks(body, 'articles')
  })

  it('hides the internal tag: not listed, not found by slug, not usable as a filter', async () => {
    const tags = await getJSON<Paginated<Tag>>('/tags?limit=100')
    expect(tags.status).toBe(200)
    expect(tags.body.docs.map(({ slug }) => slug)).not.toContain(INTERNAL_TAG.slug)
    const bySlug = await getJSON<Paginated<Tag>>(`/tags?where[slug][equals]=${INTERNAL_TAG.slug}`)
    expect(bySlug.body.docs).toEqual([])
    const filtered = await getJSON<Paginated<Article>>(`/articles?where[tags.slug][equals]=${INTERNAL_TAG.slug}`)
    expect(filtered.body.docs).toEqual([])
  })

  it('fetches a story by slug with depth 2: body, hero image, bylines, approved comments only', async () => {
    // The comments join is asked for: REST computes it only then (commentsJoinWhenAsked).
    const { body, status } = await getJSON<Paginated<any>>(`/articles?where[slug][equals]=${STORY_SLUG}&depth=2&limit=1&joins[comments][limit]=10`)
    expect(status).toBe(200)
    expect(body.docs).toHaveLength(1)
    const [article] = body.docs
    expect(article.title).toBe(published.find(({ slug }) => slug === STORY_SLUG)!.title)
    expect(article.content.root.children.length).toBeGreaterThan(3)
    expect(article.heroImage).toMatchObject({ alt: expect.any(String), url: expect.stringMatching(/\.jpg$/) })
    expect(article.authors.map(({ slug }: { slug: string }) => slug)).toEqual(['marina-volkova'])
    const approvedBodies = seededComments
      .filter((comment) => comment.article === STORY_SLUG && comment.status === 'approved')
      .map((comment) => comment.body)
    expect(article.comments.docs.map(({ body: text }: Comment) => text).sort()).toEqual(approvedBodies.sort())
    expectNoLeaks(body, 'articles')
  })

  it('does not serve a draft, by slug or by id', async () => {
    const [draft] = unpublished
    const bySlug = await getJSON<Paginated<Article>>(`/articles?where[slug][equals]=${draft.slug}`)
    expect(bySlug.status).toBe(200)
    expect(bySlug.body.docs).toEqual([])
    const withDraftFlag = await getJSON<Paginated<Article>>(`/articles?where[slug][equals]=${draft.slug}&draft=true`)
    expect(withDraftFlag.body.docs).toEqual([])
    const [hiddenID] = publicRules.ids!.articles!
    expect((await getJSON(`/articles/${hiddenID}`)).status).toBe(404)
  })

  it('follows the read-more links of a story to published pages, over the API and on the frontend', async () => {
    const { body, status } = await getJSON<{ links: ReadMoreLink[] }>(`/articles/${story.id}/read-more`)
    expect(status).toBe(200)
    expect(body.links.length).toBeGreaterThan(0)
    expectNoLeaks(body, 'articles', { ...publicRules, ids: undefined })
    for (const link of body.links) {
      expect(link).toMatchObject({ kind: expect.stringMatching(/^(internal|external)$/), title: expect.any(String) })
      expect(['auto', 'curated']).toContain(link.source)
      if (link.kind !== 'internal') continue
      const hidden = publicRules.ids?.[link.collection as 'articles' | 'tags'] ?? []
      expect(hidden.map(String)).not.toContain(String(link.id))
      const target = await getJSON<Paginated<{ id: number }>>(`/${link.collection}?where[slug][equals]=${link.slug}&depth=0`)
      expect(target.body.docs.map(({ id }) => String(id))).toEqual([String(link.id)])
      const page = await fetch(`${baseURL()}/${link.collection}/${link.slug}`)
      expect(page.status).toBe(200)
      expect(await page.text()).toContain(link.title.replace(/&/g, '&amp;'))
    }
  })
})

describe('GraphQL, as a frontend client queries it', () => {
  it('lists the newest published stories with their bylines and tags, as REST does', async () => {
    const { body, status } = await graphqlQuery<{ Articles: { docs: any[]; totalDocs: number } }>(
      `query Latest($limit: Int) {
        Articles(limit: $limit, sort: "-publishedAt") {
          totalDocs
          docs { id title slug excerpt publishedAt authors { name slug } tags { name slug } }
        }
      }`,
      { limit: 3 },
    )
    expect(status).toBe(200)
    expect(body.errors).toBeUndefined()
    const rest = await getJSON<Paginated<Article>>('/articles?depth=0&limit=3&sort=-publishedAt')
    expect(body.data!.Articles.totalDocs).toBe(rest.body.totalDocs)
    expect(body.data!.Articles.totalDocs).toBeGreaterThanOrEqual(published.length)
    expect(body.data!.Articles.docs.map(({ slug }) => slug)).toEqual(rest.body.docs.map(({ slug }) => slug))
    for (const article of body.data!.Articles.docs) {
      expect(article).toMatchObject({
        authors: expect.arrayContaining([expect.objectContaining({ name: expect.any(String), slug: expect.any(String) })]),
        title: expect.any(String),
      })
    }
    expectNoLeaks(body, 'articles')
  })

  it('filters by tag and fetches one story by slug with its comments, and never a private field', async () => {
    const tagged = await graphqlQuery<{ Tags: { docs: { id: number }[] } }>(
      '{ Tags(where: { slug: { equals: "fisheries" } }) { docs { id } } }',
    )
    const [fisheries] = tagged.body.data!.Tags.docs
    const byTag = await graphqlQuery<{ Articles: { docs: { slug: string }[] } }>(
      'query ByTag($tag: JSON) { Articles(where: { tags: { in: [$tag] } }) { docs { slug } } }',
      { tag: fisheries.id },
    )
    expect(byTag.body.errors).toBeUndefined()
    expect(byTag.body.data!.Articles.docs.map(({ slug }) => slug)).toEqual(
      published.filter(({ tags }) => tags.includes('fisheries')).map(({ slug }) => slug),
    )

    const { body } = await graphqlQuery<{ Articles: { docs: any[] } }>(
      `query Story($slug: String) {
        Articles(where: { slug: { equals: $slug } }, limit: 1) {
          docs {
            title content heroImage { url alt } authors { name slug jobTitle } tags { name slug internal }
            comments(limit: 50) { docs { id authorName body } }
          }
        }
      }`,
      { slug: STORY_SLUG },
    )
    expect(body.errors).toBeUndefined()
    const [article] = body.data!.Articles.docs
    expect(article.content.root.type).toBe('root')
    expect(article.heroImage.url).toMatch(/\.jpg$/)
    expect(article.tags.every(({ internal }: Tag) => !internal)).toBe(true)
    expect(article.comments.docs.length).toBe(
      seededComments.filter((comment) => comment.article === STORY_SLUG && comment.status === 'approved').length,
    )
    expectNoLeaks(body, 'articles')
  })

  it('answers a question about a private field with null', async () => {
    const { body, status } = await graphqlQuery<{ Comments: { docs: Record<string, null | string>[] } }>(
      '{ Comments(limit: 100) { docs { authorName authorEmail status ipHash } } }',
    )
    expect(status).toBe(200)
    expect(body.errors).toBeUndefined()
    expect(body.data!.Comments.docs.length).toBeGreaterThan(0)
    for (const doc of body.data!.Comments.docs) {
      expect(doc).toEqual({ authorEmail: null, authorName: expect.any(String), ipHash: null, status: null })
    }
  })

  it('resolves the read-more links of a story', async () => {
    const { body } = await graphqlQuery<{ ReadMore: ReadMoreLink[] }>(
      'query Related($id: Int!) { ReadMore(collection: "articles", id: $id) { kind source title collection id slug url } }',
      { id: story.id },
    )
    expect(body.errors).toBeUndefined()
    const rest = await getJSON<{ links: ReadMoreLink[] }>(`/articles/${story.id}/read-more`)
    expect(body.data!.ReadMore.map(({ title }) => title)).toEqual(rest.body.links.map(({ title }) => title))
  })
})

describe('comments, as a frontend posts them', () => {
  it('takes a reader’s comment as pending: a 201 without private fields, and nothing public until approved', async () => {
    const doc = await commentOnStory({
      authorEmail: 'api-reader@example.com',
      authorName: 'API Reader',
      body: 'Posted by the end-to-end suite over REST.',
      // A reader cannot choose its own status.
      status: 'approved',
    })
    expect(doc).toMatchObject({ authorName: 'API Reader', body: 'Posted by the end-to-end suite over REST.' })
    expectNoLeaks({ doc }, 'comments', { keys: publicRules.keys, keysByCollection: publicRules.keysByCollection })

    const stored = await commentAsEditor(doc.id)
    expect(stored.status).toBe('pending')
    expect(stored.authorEmail).toBe('api-reader@example.com')
    const { body } = await getJSON<Paginated<Comment>>(`/comments?where[article][equals]=${story.id}&limit=100`)
    expect(body.docs.map(({ id }) => id)).not.toContain(doc.id)
  })

  it('files a comment that fills the honeypot as spam, answering the bot as usual', async () => {
    const doc = await commentOnStory({
      authorEmail: 'bot@example.com',
      authorName: 'Bot',
      body: 'Great article, visit my site.',
      website: 'https://spam.example',
    })
    expect((await commentAsEditor(doc.id)).status).toBe('spam')
  })

  it('answers a second comment from the same reader within 15 seconds with 429 and Retry-After', async () => {
    const address = nextReaderAddress()
    const comment = { article: story.id, authorEmail: 'quick@example.com', authorName: 'Quick', body: 'First thought.' }
    expect((await postComment(comment, address)).status).toBe(201)
    const second = await postComment({ ...comment, body: 'Second thought.' }, address)
    expect(second.status).toBe(429)
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('refuses comments on a story whose comments are closed, and on a draft, with the same 403', async () => {
    const closed = published.find(({ commentsEnabled }) => commentsEnabled === false)!
    const { body } = await getJSON<Paginated<Article>>(`/articles?where[slug][equals]=${closed.slug}&depth=0`)
    const comment = { authorEmail: 'late@example.com', authorName: 'Late', body: 'Too late?' }
    expect((await postComment({ ...comment, article: body.docs[0].id })).status).toBe(403)
    expect((await postComment({ ...comment, article: publicRules.ids!.articles![0] })).status).toBe(403)
  })
})
