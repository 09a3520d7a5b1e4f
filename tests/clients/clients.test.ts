import type { Payload, RequiredDataFromCollectionSlug } from 'payload'

import { PayloadSDKError } from '@payloadcms/sdk'
import { beforeAll, describe, expect, expectTypeOf, it } from 'vitest'

import type { Article, Comment, CommentCreate, PublicConfig } from '@/public-types'

import { useTestPayload } from '../helpers/bootPayload'
import { send } from '../helpers/http'
import { createGraphQLClient, GraphQLRequestError, HomePageQuery, PostCommentMutation, StoryQuery, TagPageQuery } from './graphql'
import { createPublicSDK, postComment, readHomePage, readStory } from './sdk'

const ctx = useTestPayload()

/** A fetch into the app's route handlers, as one reader's browser (its own address, for flood control). */
const readerFetch =
  (address: string): typeof fetch =>
  async (input, init) => {
    const headers = new Headers(init?.headers)
    headers.set('X-Forwarded-For', address)
    return send(new Request(input, { ...init, headers }))
  }

const sdk = createPublicSDK('http://localhost:3000/api', readerFetch('198.51.100.7'))
const request = createGraphQLClient('http://localhost:3000/api/graphql', readerFetch('198.51.100.8'))

let fixtures: { ferries: Article; tide: Article }

const publish = (payload: Payload, data: RequiredDataFromCollectionSlug<'articles'>) =>
  payload.create({ collection: 'articles', data: { _status: 'published', ...data } })

beforeAll(async () => {
  const { payload } = ctx
  // Trusted set-up through the Local API: the clients under test are the anonymous ones.
  const author = await payload.create({ collection: 'authors', data: { name: 'Ines Duarte', slug: 'ines-duarte' } })
  const harbour = await payload.create({ collection: 'tags', data: { name: 'Harbour', slug: 'harbour' } })
  const desk = await payload.create({ collection: 'tags', data: { name: 'Desk notes', internal: true, slug: 'desk-notes' } })
  const ferries = await publish(payload, {
    authors: [author.id],
    commentsEnabled: true,
    publishedAt: '2026-11-02T08:00:00.000Z',
    readMore: [{ title: 'Ferry timetables', type: 'external', url: 'https://example.org/ferries' }],
    slug: 'ferries-return',
    tags: [harbour.id, desk.id],
    title: 'Ferries return to the harbour',
  })
  const tide = await publish(payload, {
    authors: [author.id],
    commentsEnabled: false,
    publishedAt: '2026-11-03T08:00:00.000Z',
    slug: 'spring-tide',
    tags: [harbour.id],
    title: 'Spring tide floods the quay',
  })
  await publish(payload, {
    authors: [author.id],
    publishedAt: '2026-11-04T08:00:00.000Z',
    slug: 'budget-approved',
    title: 'Council approves the budget',
  })
  await payload.create({
    collection: 'articles',
    data: { _status: 'draft', authors: [author.id], slug: 'harbour-draft', tags: [harbour.id], title: 'Harbour draft' },
    draft: true,
  })
  fixtures = { ferries, tide }
})

describe('public clients: PayloadSDK<PublicConfig>', () => {
  it('reads the home page: published stories, newest first, with bylines and public tags', async () => {
    const { docs } = await readHomePage(sdk)
    expect(docs.map(({ slug }) => slug)).toEqual(['budget-approved', 'spring-tide', 'ferries-return'])
    const ferries = docs[2]
    expect(ferries.authors).toEqual([expect.objectContaining({ name: 'Ines Duarte', slug: 'ines-duarte' })])
    // The internal tag is dropped from the public's copy of the relation.
    expect(ferries.tags?.map((tag) => (typeof tag === 'object' ? tag.slug : tag))).toEqual(['harbour'])
    for (const doc of docs) {
      expect(doc).not.toHaveProperty('createdBy')
      expect(doc).not.toHaveProperty('workflow')
    }
  })

  it('reads a story by slug with its read-more links, and nothing for a draft', async () => {
    const page = await readStory(sdk, 'ferries-return')
    expect(page?.story).toMatchObject({ id: fixtures.ferries.id, title: 'Ferries return to the harbour' })
    expect(page?.links[0]).toEqual({ kind: 'external', source: 'curated', title: 'Ferry timetables', url: 'https://example.org/ferries' })
    expect(page?.links.slice(1)).toContainEqual(
      expect.objectContaining({ collection: 'articles', id: fixtures.tide.id, kind: 'internal', slug: 'spring-tide', source: 'auto' }),
    )
    expect(await readStory(sdk, 'harbour-draft')).toBeNull()
  })

  it('posts a comment as pending: the reply holds no email or status, and the public does not see it', async () => {
    const data: CommentCreate = {
      article: fixtures.ferries.id,
      authorEmail: 'sdk-reader@example.com',
      authorName: 'SDK reader',
      body: 'The early ferry was on time.',
    }
    const comment = await postComment(sdk, data)
    expect(comment).toMatchObject({ authorName: 'SDK reader', body: 'The early ferry was on time.' })
    expect(comment).not.toHaveProperty('authorEmail')
    expect(comment).not.toHaveProperty('status')
    const stored = await ctx.payload.findByID({ collection: 'comments', id: comment.id })
    expect(stored).toMatchObject({ authorEmail: 'sdk-reader@example.com', status: 'pending' })
    const { totalDocs } = await sdk.find({ collection: 'comments', where: { article: { equals: fixtures.ferries.id } } })
    expect(totalDocs).toBe(0)
  })

  it('surfaces the API refusal as a PayloadSDKError with its status', async () => {
    const closed: CommentCreate = { article: fixtures.tide.id, authorEmail: 'x@example.com', authorName: 'X', body: 'Closed?' }
    // Another reader: the first one's allowance (one comment per 15 s) is spent.
    const otherReader = createPublicSDK('http://localhost:3000/api', readerFetch('198.51.100.9'))
    const error = await postComment(otherReader, closed).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(PayloadSDKError)
    expect((error as PayloadSDKError).status).toBe(403)
  })
})

describe('public clients: graphql-codegen documents', () => {
  it('reads the home page', async () => {
    const { Articles } = await request(HomePageQuery, { limit: 2 })
    expect(Articles?.docs.map(({ title }) => title)).toEqual(['Council approves the budget', 'Spring tide floods the quay'])
  })

  it('reads a story by slug and its read-more links in one request', async () => {
    const { Articles, ReadMore } = await request(StoryQuery, { slug: 'ferries-return' })
    expect(Articles?.docs).toEqual([
      expect.objectContaining({ commentsEnabled: true, publishedAt: '2026-11-02T08:00:00.000Z', slug: 'ferries-return' }),
    ])
    expect(ReadMore[0]).toMatchObject({ kind: 'external', source: 'curated', url: 'https://example.org/ferries' })
    expect(ReadMore).toContainEqual(expect.objectContaining({ collection: 'articles', kind: 'internal', slug: 'spring-tide' }))
  })

  it('reads a tag page (the tag and its stories) in one request, without drafts', async () => {
    const { Articles, Tags } = await request(TagPageQuery, { slug: 'harbour' })
    expect(Tags?.docs).toEqual([expect.objectContaining({ name: 'Harbour', slug: 'harbour' })])
    expect(Articles?.docs.map(({ slug }) => slug)).toEqual(['spring-tide', 'ferries-return'])
    // An internal tag is no page for the public.
    expect((await request(TagPageQuery, { slug: 'desk-notes' })).Tags?.docs).toEqual([])
  })

  it('posts a comment, stored as pending and not publicly visible', async () => {
    const { createComment } = await request(PostCommentMutation, {
      article: fixtures.ferries.id,
      authorEmail: 'graphql-reader@example.com',
      authorName: 'GraphQL reader',
      body: 'Good to have them back.',
    })
    expect(createComment).toMatchObject({ authorName: 'GraphQL reader', body: 'Good to have them back.' })
    const stored = await ctx.payload.findByID({ collection: 'comments', id: createComment!.id })
    expect(stored).toMatchObject({ authorEmail: 'graphql-reader@example.com', status: 'pending' })
    const otherReader = createGraphQLClient('http://localhost:3000/api/graphql', readerFetch('198.51.100.10'))
    const error = await otherReader(PostCommentMutation, {
      article: fixtures.tide.id,
      authorEmail: 'graphql-reader-2@example.com',
      authorName: 'GraphQL reader',
      body: 'Closed story.',
    }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(GraphQLRequestError)
    expect((error as GraphQLRequestError).message).toMatch(/Comments are closed/)
  })
})

describe('public types', () => {
  it('leave out what the public never receives, and refuse what it may not send', () => {
    expectTypeOf<Comment>().not.toHaveProperty('authorEmail')
    expectTypeOf<Comment>().not.toHaveProperty('status')
    expectTypeOf<Article>().not.toHaveProperty('createdBy')
    expectTypeOf<Article>().not.toHaveProperty('workflow')
    expectTypeOf<PublicConfig['collections']>().not.toHaveProperty('users')
    expectTypeOf<CommentCreate>().toHaveProperty('authorEmail').toEqualTypeOf<string>()

    const base = { article: 1, authorEmail: 'a@example.com', authorName: 'A', body: 'B' }
    // @ts-expect-error: only moderators set a comment's status.
    const withStatus: CommentCreate = { ...base, status: 'approved' }
    // @ts-expect-error: the pipeline records the signals, not the sender.
    const withSignals: CommentCreate = { ...base, signals: { honeypot: false } }
    // @ts-expect-error: the public Comment carries no email.
    const email: Comment['authorEmail'] = base.authorEmail
    // @ts-expect-error: the SDK's create takes no status from the public either.
    const viaSDK = () => sdk.create({ collection: 'comments', data: { article: 1, authorName: 'A', body: 'B', status: 'approved' } })
    // @ts-expect-error: and cannot reach staff-only collections.
    const users = () => sdk.find({ collection: 'users' })
    expect([withStatus, withSignals, email, viaSDK, users]).toHaveLength(5)
  })
})
