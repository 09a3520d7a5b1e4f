import type { Payload, RequiredDataFromCollectionSlug } from 'payload'

import { afterAll, beforeAll } from 'vitest'

import type { Article, Author, Comment } from '@/payload-types'

import { bootPayload, type TestContext } from '../helpers/bootPayload'
import { type JSONResponse, rest } from '../helpers/http'
import { createStaff, type Staff } from '../helpers/staff'

/** A new client address for every call, so that flood control only applies where a test wants it. */
let nextClient = 0
export const newClientIP = (): string => {
  nextClient += 1
  return `198.51.${Math.floor(nextClient / 250) % 250}.${(nextClient % 250) + 1}`
}

export type CommentInput = {
  article?: unknown
  authorEmail?: unknown
  authorName?: unknown
  body?: unknown
  parent?: unknown
  status?: unknown
  website?: unknown
}

let nextComment = 0
/** A valid submission with a unique email and body, overridden by `data`. */
export const commentData = (article: number, data: CommentInput = {}): CommentInput => {
  nextComment += 1
  return {
    article,
    authorEmail: `reader${nextComment}@example.com`,
    authorName: `Reader ${nextComment}`,
    body: `Comment number ${nextComment}.`,
    ...data,
  }
}

type Sender = { ip?: string; token?: string }

/** POST /api/comments from a client address (sent as X-Forwarded-For, which the tests trust). */
export const postComment = (data: CommentInput, { ip = newClientIP(), token }: Sender = {}): Promise<JSONResponse> =>
  rest('POST', '/comments', { body: data, headers: { 'X-Forwarded-For': ip }, token })

type GraphQLBody = { data?: any; errors?: { extensions?: Record<string, any>; message: string }[] }

/** POSTs a GraphQL operation to the app's handler from a client address; the shared helper sends no headers. */
export const graphqlAs = async (
  query: string,
  variables: Record<string, unknown> = {},
  { ip = newClientIP(), token }: Sender = {},
): Promise<JSONResponse<GraphQLBody>> => {
  const { POST } = await import('@/app/(payload)/api/graphql/route')
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-Forwarded-For': ip }
  if (token) headers.Authorization = `JWT ${token}`
  const response = await POST(
    new Request('http://localhost:3000/api/graphql', { body: JSON.stringify({ query, variables }), headers, method: 'POST' }),
  )
  const text = await response.text()
  return { body: text ? JSON.parse(text) : {}, headers: response.headers, status: response.status }
}

export const CREATE_COMMENT = `mutation($data: mutationCommentInput!) { createComment(data: $data) { id authorName body } }`

/** createComment over GraphQL. */
export const createCommentGraphQL = (data: CommentInput, sender: Sender = {}) =>
  graphqlAs(CREATE_COMMENT, { data }, sender)

export type Fixtures = { author: Author; closed: Article; draft: Article; open: Article; other: Article }

let nextArticle = 0
export const createArticle = async (
  payload: Payload,
  author: Author,
  { commentsEnabled = true, status = 'published' }: { commentsEnabled?: boolean; status?: 'draft' | 'published' } = {},
): Promise<Article> => {
  nextArticle += 1
  return payload.create({
    collection: 'articles',
    data: {
      _status: status,
      authors: [author.id],
      commentsEnabled,
      slug: `comments-test-${nextArticle}`,
      title: `Comments test story ${nextArticle}`,
    },
    draft: status === 'draft',
  })
}

/** An author byline and articles in every state a comment can meet. */
export const createArticles = async (payload: Payload): Promise<Fixtures> => {
  const author = await payload.create({ collection: 'authors', data: { name: 'Test Byline', slug: 'test-byline' } })
  return {
    author,
    closed: await createArticle(payload, author, { commentsEnabled: false }),
    draft: await createArticle(payload, author, { status: 'draft' }),
    open: await createArticle(payload, author),
    other: await createArticle(payload, author),
  }
}

/** A comment as a moderator left it (approved unless `data` says otherwise), written as trusted system work. */
export const storedComment = (payload: Payload, article: number, data: Partial<Comment> = {}): Promise<Comment> =>
  payload.create({
    collection: 'comments',
    data: { ...(commentData(article) as RequiredDataFromCollectionSlug<'comments'>), status: 'approved', ...data },
  })

export type CommentsSuite = { ctx: TestContext; fx: Fixtures; staff: Staff }

/**
 * Boots Payload on a fresh database for a comments test file, with one account per staff role and
 * the fixture articles. The members are filled in `beforeAll`: read them inside hooks and tests.
 */
export const useCommentsSuite = (): CommentsSuite => {
  const suite = {} as CommentsSuite
  beforeAll(async () => {
    suite.ctx = await bootPayload()
    // Refusals the tests provoke are logged by Payload as errors; the assertions report what matters.
    suite.ctx.payload.logger.level = 'silent'
    suite.staff = await createStaff(suite.ctx.payload)
    suite.fx = await createArticles(suite.ctx.payload)
  })
  afterAll(async () => suite.ctx?.shutdown())
  return suite
}
