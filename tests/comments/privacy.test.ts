import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article, Comment } from '@/payload-types'

import { bootPayload, type TestContext } from '../helpers/bootPayload'
import { createLeakFinder, type LeakRoot, type LeakRules } from '../helpers/findLeaks'
import { rest } from '../helpers/http'
import { createStaff, type Staff } from '../helpers/staff'
import { createArticle, graphqlAs, newClientIP, postComment } from './helpers'

// Route handlers get no socket: the tests name each client through X-Forwarded-For, trusted as from one proxy.
process.env.TRUST_PROXY = '1'

const DEPTHS = [0, 1, 2, 3] as const
const STATUSES = ['pending', 'approved', 'spam', 'rejected'] as const
/** Keys no reader below editor may receive a value for, on a comment. */
const HIDDEN_COMMENT_KEYS = ['authorEmail', 'ipHash', 'signals', 'status', 'level', 'website']

let ctx: TestContext
let staff: Staff
let findLeaks: ReturnType<typeof createLeakFinder>
let published: Article
let draft: Article
let approved: Comment[]
let hidden: Comment[]
let rules: LeakRules
/** Staff may see drafts: for them only the comment rules hold. */
let staffRules: LeakRules

/** Posts a comment as a reader would (so it gets an IP hash and signals), then moderates it as a system write. */
const submitted = async (
  payload: Payload,
  article: Article,
  status: Comment['status'],
  text: { authorName: string; body: string; email: string },
  parent?: number,
): Promise<Comment> => {
  const { body, status: code } = await postComment(
    { article: article.id, authorEmail: text.email, authorName: text.authorName, body: text.body, parent, website: '' },
    { ip: newClientIP() },
  )
  if (code !== 201) throw new Error(`fixture comment refused: ${code} ${JSON.stringify(body)}`)
  return payload.update({ collection: 'comments', data: { status }, id: body.doc.id })
}

beforeAll(async () => {
  ctx = await bootPayload()
  ctx.payload.logger.level = 'silent'
  staff = await createStaff(ctx.payload)
  findLeaks = createLeakFinder(ctx.config)
  const author = await ctx.payload.create({ collection: 'authors', data: { name: 'Privacy Byline', slug: 'privacy-byline' } })
  published = await createArticle(ctx.payload, author)
  const comments: Record<string, Comment> = {}
  for (const status of STATUSES) {
    const isPublic = status === 'approved'
    comments[status] = await submitted(ctx.payload, published, status, {
      authorName: isPublic ? 'Carla Reader' : `SECRET-NAME-${status}`,
      body: isPublic ? 'A public approved comment with www.one.example' : `SECRET-BODY-${status}`,
      email: `privacy-${status}@example.com`,
    })
  }
  const reply = await submitted(
    ctx.payload,
    published,
    'approved',
    { authorName: 'Dan Reader', body: 'A public reply', email: 'privacy-reply@example.com' },
    comments.approved.id,
  )
  // Approved first, so it is accepted, then the article goes back to draft: its comments leave the public.
  draft = await createArticle(ctx.payload, author)
  const onDraft = await submitted(ctx.payload, draft, 'approved', {
    authorName: 'SECRET-NAME-on-draft',
    body: 'SECRET-BODY-on-draft',
    email: 'privacy-draft@example.com',
  })
  draft = await ctx.payload.update({ collection: 'articles', data: { _status: 'draft' }, id: draft.id })
  approved = [comments.approved, reply]
  hidden = [comments.pending, comments.spam, comments.rejected, onDraft]
  const all = await ctx.payload.find({ collection: 'comments', depth: 0, pagination: false, showHiddenFields: true })
  const ipHashes = all.docs.map((comment) => comment.ipHash).filter((hash): hash is string => Boolean(hash))
  if (ipHashes.length !== all.docs.length) throw new Error('every fixture comment should carry an IP hash')
  rules = {
    ids: { articles: [draft.id], comments: hidden.map((comment) => comment.id) },
    keys: ['authorEmail', 'ipHash', 'signals', 'website'],
    keysByCollection: { comments: HIDDEN_COMMENT_KEYS },
    // Every hidden comment's text carries SECRET; every commenter's address is at example.com.
    strings: ['SECRET', '@example.com', ...ipHashes],
  }
  staffRules = { ...rules, ids: { comments: rules.ids!.comments } }
})
afterAll(async () => ctx?.shutdown())

/** GETs each path and lists every leak and every server error. */
const scanREST = async (paths: string[], token?: string, leakRules = rules): Promise<string[]> => {
  const problems: string[] = []
  for (const path of paths) {
    const { body, status } = await rest('GET', path, { token })
    if (status >= 500) problems.push(`GET ${path}: status ${status}`)
    const root = path.split(/[/?]/)[1] as LeakRoot
    problems.push(...findLeaks(body, root, leakRules).map((problem) => `GET ${path} ${problem}`))
  }
  return problems
}

/** GraphQL answers a group the reader may not read with each of its fields null: that carries nothing. */
const withoutEmptyGroups = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutEmptyGroups)
  if (typeof value !== 'object' || value === null) return value
  const entries = Object.entries(value)
  if (entries.length && entries.every(([, item]) => item === null)) return null
  return Object.fromEntries(entries.map(([key, item]) => [key, withoutEmptyGroups(item)]))
}

const scanGraphQL = async (
  queries: { query: string; root: LeakRoot }[],
  token?: string,
  leakRules = rules,
): Promise<string[]> => {
  const problems: string[] = []
  for (const { query, root } of queries) {
    const { body: raw, status } = await graphqlAs(query, {}, { token })
    const body = withoutEmptyGroups(raw) as typeof raw
    const label = query.replace(/\s+/g, ' ').slice(0, 70)
    if (status >= 500) problems.push(`${label}: status ${status}`)
    for (const error of body.errors ?? []) {
      if (Number(error.extensions?.statusCode) >= 500) problems.push(`${label}: ${error.message}`)
    }
    problems.push(...findLeaks(body, root, leakRules).map((problem) => `${label} ${problem}`))
  }
  return problems
}

/** A read that must be refused or come back empty. */
const refusedOrEmpty = async (paths: string[], token?: string): Promise<string[]> => {
  const outcomes: string[] = []
  for (const path of paths) {
    const { body, status } = await rest('GET', path, { token })
    const joinDocs = (doc: { comments?: { docs?: unknown[] } }) => doc?.comments?.docs ?? []
    const empty =
      status === 200 &&
      (body.totalDocs === 0 ||
        (Array.isArray(body.docs) && body.docs.every((doc: object) => joinDocs(doc).length === 0)) ||
        (body.id && joinDocs(body).length === 0))
    if (!(status >= 400 && status < 500) && !empty) outcomes.push(`GET ${path}: ${status} ${JSON.stringify(body).slice(0, 160)}`)
  }
  return outcomes
}

const joins = 'joins[comments][limit]=100&joins[comments][count]=true'
const commentFields = `id authorName body createdAt authorEmail status ipHash level website
  signals { honeypot links flood } parent { id body authorEmail status ipHash } article { id title }`

const restReads = (): string[] => [
  ...DEPTHS.flatMap((depth) => [
    `/comments?depth=${depth}&limit=100`,
    `/comments/${approved[1].id}?depth=${depth}`,
    `/articles?depth=${depth}&limit=100&${joins}`,
    `/articles/${published.id}?depth=${depth}&${joins}`,
    `/authors?depth=${depth}&limit=100`,
  ]),
  ...DEPTHS.flatMap((depth) => [
    `/articles?draft=true&depth=${depth}&limit=100&${joins}`,
    `/articles/${published.id}?draft=true&depth=${depth}&${joins}&joins[version.comments][limit]=100`,
    `/tags?draft=true&depth=${depth}&limit=100`,
  ]),
  '/comments?select[authorEmail]=true&select[ipHash]=true&select[signals]=true&select[status]=true&select[level]=true',
  `/articles/${published.id}?depth=1&${joins}&joins[comments][where][body][like]=SECRET`,
  `/articles/${published.id}?depth=3&select[comments]=true&${joins}`,
]

const graphQLReads = (): { query: string; root: LeakRoot }[] => [
  { query: `{ Comments(limit: 100) { totalDocs docs { ${commentFields} } } }`, root: 'comments' },
  ...[...approved, ...hidden].map(({ id }) => ({ query: `{ Comment(id: ${id}) { ${commentFields} } }`, root: 'comments' as const })),
  {
    query: `{ Articles(limit: 100) { docs { id title comments(limit: 100, count: true) { totalDocs docs { ${commentFields} } } } } }`,
    root: 'articles',
  },
  { query: `{ Article(id: ${published.id}) { id comments(limit: 100) { docs { ${commentFields} } } } }`, root: 'articles' },
  { query: `{ Article(id: ${draft.id}) { id comments { docs { id body } } } }`, root: 'articles' },
]

const forbiddenFilters = (): string[] => [
  '/comments?where[ipHash][exists]=true',
  `/comments?where[ipHash][equals]=x`,
  '/comments?where[signals.honeypot][equals]=true',
  '/comments?where[level][greater_than]=0',
  '/comments?where[status][equals]=pending',
  '/comments/count?where[authorEmail][like]=example',
  `/articles?where[comments][equals]=${hidden[0].id}`,
  `/articles?where[comments.body][like]=SECRET`,
  `/articles/${published.id}?${joins}&joins[comments][where][status][equals]=pending`,
  `/articles/${published.id}?${joins}&joins[comments][where][ipHash][exists]=true`,
]

describe('comments: privacy for anonymous readers', () => {
  it('shows approved comments on published articles with name, body, date and parent, over REST', async () => {
    const { body } = await rest('GET', `/comments?depth=0&limit=100&where[article][equals]=${published.id}`)
    expect(body.docs.map((doc: Comment) => doc.id).sort()).toEqual(approved.map((comment) => comment.id).sort())
    const reply = body.docs.find((doc: Comment) => doc.id === approved[1].id)
    expect(reply).toMatchObject({ authorName: 'Dan Reader', body: 'A public reply', parent: approved[0].id })
    expect(Object.keys(reply).sort()).toEqual(['article', 'authorName', 'body', 'createdAt', 'id', 'parent', 'updatedAt'])
  })

  it('leaks no email, IP hash, signal, status or hidden comment on REST, at any depth, through the article join, drafts or not', async () => {
    expect(await scanREST(restReads())).toEqual([])
  })

  it('leaks none of them on GraphQL, comments or the article join', async () => {
    expect(await scanGraphQL(graphQLReads())).toEqual([])
  })

  it('leaks none of them through the Local API without a user, drafts or not', async () => {
    const problems: string[] = []
    for (const depth of DEPTHS) {
      for (const draft of [false, true]) {
        const articles = await ctx.payload.find({
          collection: 'articles',
          depth,
          draft,
          joins: { comments: { count: true, limit: 100 } },
          overrideAccess: false,
        })
        problems.push(...findLeaks(articles, 'articles', rules).map((problem) => `draft ${draft}: ${problem}`))
      }
      problems.push(...findLeaks(await ctx.payload.find({ collection: 'comments', depth, overrideAccess: false }), 'comments', rules))
    }
    expect(problems).toEqual([])
  })

  it('refuses or empties filters on hidden fields and hidden comments', async () => {
    expect(await refusedOrEmpty(forbiddenFilters())).toEqual([])
    const { body } = await graphqlAs('{ Comments(where: { ipHash: { exists: true } }) { totalDocs } }')
    expect(body.data?.Comments ?? null).toBeNull()
    expect(JSON.stringify(body.errors)).toContain('ipHash')
  })
})

describe('comments: privacy for staff below editor', () => {
  for (const role of ['contributor', 'author'] as const) {
    it(`shows a ${role} only what the public sees, on REST and GraphQL`, async () => {
      const { token } = staff[role]
      expect(await scanREST(restReads(), token, staffRules)).toEqual([])
      expect(await scanGraphQL(graphQLReads(), token, staffRules)).toEqual([])
      expect(await refusedOrEmpty(forbiddenFilters(), token)).toEqual([])
      const { body } = await rest('GET', `/articles/${published.id}?depth=0&${joins}`, { token })
      expect(body.comments.docs.sort()).toEqual(approved.map((comment) => comment.id).sort())
    })
  }

  it('shows the same scans everything to an editor (the fixtures are real)', async () => {
    const problems = [
      ...(await scanREST([`/articles/${published.id}?depth=1&${joins}`, '/comments?depth=0&limit=100'], staff.editor.token)),
      ...(await scanGraphQL([graphQLReads()[0]], staff.editor.token)),
    ].join('\n')
    for (const comment of hidden) expect(problems).toContain(`id ${comment.id} of a hidden comments document`)
    for (const key of HIDDEN_COMMENT_KEYS.filter((key) => key !== 'website')) expect(problems).toContain(`.${key}: hidden key is present`)
    expect(problems).toContain('contains "secret"')
    expect(problems).toContain('contains "@example.com"')
  })
})

describe('comments: the approved count for frontends', () => {
  it('counts approved comments through the REST join, without loading them all', async () => {
    const { body, status } = await rest('GET', `/articles/${published.id}?depth=0&joins[comments][limit]=1&joins[comments][count]=true`)
    expect(status).toBe(200)
    expect(body.comments.docs).toHaveLength(1)
    expect(body.comments.totalDocs).toBe(approved.length)
    expect(body.comments.hasNextPage).toBe(true)
    const list = await rest('GET', '/articles?depth=0&limit=100&joins[comments][limit]=1&joins[comments][count]=true')
    const counts = Object.fromEntries(list.body.docs.map((doc: Article) => [doc.id, doc.comments?.totalDocs]))
    expect(counts).toEqual({ [published.id]: approved.length })
  })

  it('counts approved comments through the GraphQL join, with no document loaded', async () => {
    const { body } = await graphqlAs(`{ Article(id: ${published.id}) { comments(count: true, limit: 0) { totalDocs } } }`)
    expect(body.errors).toBeUndefined()
    expect(body.data.Article.comments.totalDocs).toBe(approved.length)
    const listed = await graphqlAs('{ Articles { docs { id comments(count: true, limit: 0) { totalDocs } } } }')
    expect(listed.body.data.Articles.docs).toEqual([{ comments: { totalDocs: approved.length }, id: published.id }])
  })
})
