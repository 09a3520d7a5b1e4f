import type { CollectionSlug, FlattenedField, Payload, SanitizedConfig } from 'payload'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article, Author, Comment, Media, Tag, User } from '@/payload-types'

import { bootPayload, type TestContext } from '../helpers/bootPayload'
import { createLeakFinder, type LeakRoot, type LeakRules } from '../helpers/findLeaks'
import { anonymousReadOf, isPayloadInternal, relationsOf } from '../helpers/publicReadPolicy'
import { graphql, rest } from '../helpers/http'
import { createStaff, type Staff, STAFF_PASSWORD } from '../helpers/staff'
import { executeSQL } from '../helpers/testDatabase'

const PUBLISHED_HEADLINE = 'Public headline'
const DRAFT_TITLE = 'SECRET DRAFT TITLE'
const STATUSES = ['pending', 'approved', 'spam', 'rejected'] as const
const DEPTHS = [0, 1, 2, 3] as const

type Fixtures = {
  allUserIDs: number[]
  approved: Comment
  byline: Author
  draft: Article
  hero: Media
  hiddenComments: Comment[]
  internalTag: Tag
  pubWithDraft: Article
  publicTag: Tag
  published: Article
  rejected: Comment
  reply: Comment
  staffByline: Author
  versionIDs: (number | string)[]
  writer: User
}

let ctx: TestContext
let staff: Staff
let fx: Fixtures
let findLeaks: ReturnType<typeof createLeakFinder>
let publicRules: LeakRules
let contributorRules: LeakRules

const createFixtures = async (payload: Payload): Promise<Fixtures> => {
  const writer = await payload.create({
    collection: 'users',
    data: { name: 'SECRET-USER-NAME Writer', email: 'leak-writer@example.com', password: STAFF_PASSWORD, role: 'author' },
  })
  const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#f00' } }).png().toBuffer()
  const hero = await payload.create({
    collection: 'media',
    data: { alt: 'A red square' },
    file: { data: png, mimetype: 'image/png', name: 'public-reads-hero.png', size: png.length },
    user: staff.editor.user,
  })
  const byline = await payload.create({
    collection: 'authors',
    data: { name: 'Ada Byline', avatar: hero.id, jobTitle: 'Reporter', slug: 'ada-byline', user: writer.id },
  })
  const staffByline = await payload.create({ collection: 'authors', data: { name: 'Bo Byline', slug: 'bo-byline', user: staff.author.user.id } })
  const publicTag = await payload.create({ collection: 'tags', data: { name: 'Politics', slug: 'politics' } })
  const internalTag = await payload.create({
    collection: 'tags',
    data: { name: 'SECRET-INTERNAL-TAG', description: 'SECRET-INTERNAL-DESCRIPTION', internal: true, slug: 'secret-internal-tag' },
  })
  const pubWithDraft = await payload.create({
    collection: 'articles',
    data: { title: PUBLISHED_HEADLINE, slug: 'public-headline', _status: 'published', authors: [byline.id], tags: [publicTag.id] },
    user: staff.editor.user,
  })
  const published = await payload.create({
    collection: 'articles',
    data: {
      title: 'Public story',
      slug: 'public-story',
      _status: 'published',
      authors: [byline.id, staffByline.id],
      readMore: [{ type: 'internal', doc: { relationTo: 'articles', value: pubWithDraft.id } }],
      excerpt: 'A public dek',
      heroImage: hero.id,
      tags: [internalTag.id, publicTag.id],
    },
    user: staff.editor.user,
  })
  await payload.update({
    collection: 'articles',
    id: pubWithDraft.id,
    data: { title: DRAFT_TITLE, excerpt: 'SECRET-PENDING-EXCERPT', tags: [internalTag.id, publicTag.id] },
    draft: true,
    user: staff.editor.user,
  })
  const draft = await payload.create({
    collection: 'articles',
    data: {
      title: 'SECRET-DRAFT-ARTICLE',
      slug: 'secret-draft-article',
      _status: 'draft',
      authors: [byline.id, staffByline.id],
      excerpt: 'SECRET-DRAFT-EXCERPT',
      heroImage: hero.id,
      tags: [publicTag.id, internalTag.id],
    },
    draft: true,
    user: staff.editor.user,
  })

  const comments: Record<string, Comment> = {}
  for (const article of [published, draft]) {
    const where = article.id === published.id ? 'published' : 'draft'
    for (const status of STATUSES) {
      const isPublic = where === 'published' && status === 'approved'
      comments[`${status}-${where}`] = await payload.create({
        collection: 'comments',
        data: {
          article: article.id,
          authorEmail: `leak-${status}-${where}@example.com`,
          authorName: isPublic ? 'Carla Reader' : `SECRET-COMMENTER-${status}-${where}`,
          body: isPublic ? 'A public approved comment' : `SECRET-COMMENT-${status}-${where}`,
          status,
        },
      })
    }
  }
  const rejected = comments['rejected-published']
  const reply = await payload.create({
    collection: 'comments',
    data: {
      article: published.id,
      authorEmail: 'leak-reply@example.com',
      authorName: 'Dan Reader',
      body: 'A public reply to a rejected comment',
      parent: rejected.id,
      status: 'approved',
    },
  })
  const approved = comments['approved-published']
  // Publishing clears the review state, so the published rows and every version get one written into
  // the database: the reads below then prove that workflow and reviewNote are hidden, not merely empty.
  await executeSQL(payload, "UPDATE articles SET workflow = 'changesRequested', review_note = 'SECRET-REVIEW-NOTE'")
  await executeSQL(payload, "UPDATE _articles_v SET version_workflow = 'inReview', version_review_note = 'SECRET-VERSION-REVIEW-NOTE'")
  const { docs: users } = await payload.find({ collection: 'users', depth: 0, pagination: false })
  const { docs: versions } = await payload.findVersions({ collection: 'articles', depth: 0, pagination: false })
  return {
    allUserIDs: users.map((user) => user.id),
    approved,
    byline,
    draft,
    hero,
    hiddenComments: Object.values(comments).filter((comment) => comment.id !== approved.id),
    internalTag,
    pubWithDraft,
    publicTag,
    published,
    rejected,
    reply,
    staffByline,
    versionIDs: versions.map((version) => version.id),
    writer,
  }
}

beforeAll(async () => {
  ctx = await bootPayload()
  staff = await createStaff(ctx.payload)
  fx = await createFixtures(ctx.payload)
  findLeaks = createLeakFinder(ctx.config)
  publicRules = {
    ids: {
      articles: [fx.draft.id],
      comments: fx.hiddenComments.map((comment) => comment.id),
      tags: [fx.internalTag.id],
      users: fx.allUserIDs,
    },
    keys: ['apiKey', 'authorEmail', 'createdBy', 'email', 'generateSlug', 'hash', 'resetPasswordToken', 'role', 'salt', 'sessions'],
    keysByCollection: { articles: ['workflow', 'reviewNote', 'updatedBy'], authors: ['user'], comments: ['status'], tags: ['adminTitle'] },
    // Every hidden string in the fixtures carries SECRET; every email belongs to a person or a commenter.
    strings: ['SECRET', '@newsroom.test', '@example.com'],
  }
  contributorRules = {
    ids: { comments: fx.hiddenComments.map((comment) => comment.id) },
    keys: ['authorEmail', 'hash', 'salt'],
    keysByCollection: { comments: ['status'] },
    strings: ['SECRET-COMMENT', '@example.com', 'admin@newsroom.test', 'editor@newsroom.test', 'author@newsroom.test'],
  }
})
afterAll(async () => {
  // The media folder is shared with the app: remove the uploaded file and its sizes.
  if (fx?.hero) await ctx.payload.delete({ collection: 'media', id: fx.hero.id })
  await ctx?.shutdown()
})

/** The project's collections a stranger may read something of, and those they may read nothing of, from the config. */
const collectionsByAnonymousRead = async (config: SanitizedConfig) => {
  const readable: CollectionSlug[] = []
  const unreadable: CollectionSlug[] = []
  for (const collection of config.collections) {
    if (isPayloadInternal(collection.slug)) continue
    ;((await anonymousReadOf(collection)) === 'none' ? unreadable : readable).push(collection.slug)
  }
  return { readable, unreadable }
}

/** Whether a relation field stores `{ relationTo, value }` (its `relationTo` is a list, even of one). */
const relationFieldIsPolymorphic = (fields: FlattenedField[], path: string): boolean => {
  const [name, ...rest] = path.split('.')
  const field = fields.find((candidate) => candidate.name === name)
  if (!field) return false
  if (!rest.length) return (field.type === 'relationship' || field.type === 'upload') && Array.isArray(field.relationTo)
  return 'flattenedFields' in field && relationFieldIsPolymorphic(field.flattenedFields, rest.join('.'))
}

/** `/articles/versions/3?x` is about article versions, `/tags/1` about tags. */
const rootOf = (path: string): LeakRoot => {
  const [collection, second] = path.replace(/^\//, '').split(/[/?]/)
  const slug = collection as CollectionSlug
  return second === 'versions' ? { versionsOf: slug } : slug
}

/** GETs each path and lists every leak and every server error, prefixed with the path. */
const scanREST = async (paths: string[], rules: LeakRules, token?: string): Promise<string[]> => {
  const problems: string[] = []
  for (const path of paths) {
    const { body, status } = await rest('GET', path, { token })
    if (status >= 500) problems.push(`GET ${path}: status ${status}`)
    problems.push(...findLeaks(body, rootOf(path), rules).map((problem) => `GET ${path} ${problem}`))
  }
  return problems
}

const scanGraphQL = async (
  queries: { query: string; root: LeakRoot; variables?: Record<string, unknown> }[],
  rules: LeakRules,
  token?: string,
): Promise<string[]> => {
  const problems: string[] = []
  for (const { query, root, variables } of queries) {
    const { body, status } = await graphql(query, variables, token)
    const label = query.replace(/\s+/g, ' ').slice(0, 80)
    if (status >= 500) problems.push(`${label}: status ${status}`)
    for (const error of body.errors ?? []) {
      if (Number(error.extensions?.statusCode) >= 500) problems.push(`${label}: ${error.message}`)
    }
    problems.push(...findLeaks(body, root, rules).map((problem) => `${label} ${problem}`))
  }
  return problems
}

/** A REST read must either be refused or come back empty: it may not confirm anything hidden. */
const expectRefusedOrEmpty = async (paths: string[], token?: string) => {
  const outcomes: string[] = []
  for (const path of paths) {
    const { body, status } = await rest('GET', path, { token })
    const refused = status >= 400 && status < 500
    const empty = status === 200 && (body.totalDocs === 0 || (Array.isArray(body.docs) && body.docs.length === 0))
    if (!refused && !empty) outcomes.push(`GET ${path}: status ${status}, ${JSON.stringify(body).slice(0, 200)}`)
  }
  expect(outcomes).toEqual([])
}

/** The list and one document of a collection, at every depth up to the configured maximum. */
const collectionReads = (collection: CollectionSlug, id: number) =>
  DEPTHS.flatMap((depth) => [`/${collection}?depth=${depth}&limit=100`, `/${collection}/${id}?depth=${depth}`])

describe('leak scanner', () => {
  it('reports the draft, the internal tag, hidden comments and emails in what an editor sees', async () => {
    const problems = [
      ...(await scanREST(['/articles?depth=2&limit=100', '/comments?depth=1&limit=100'], publicRules, staff.editor.token)),
      ...(await scanGraphQL(
        [{ query: '{ Articles(limit: 100) { docs { id title createdBy { id email role } } } }', root: 'articles' }],
        publicRules,
        staff.editor.token,
      )),
    ].join('\n')
    expect(problems).toContain(`id ${fx.draft.id} of a hidden articles document`)
    expect(problems).toContain(`id ${fx.internalTag.id} of a hidden tags document`)
    expect(problems).toContain(`id ${fx.rejected.id} of a hidden comments document`)
    expect(problems).toContain('.createdBy: hidden key is present')
    expect(problems).toContain('.authorEmail: hidden key is present')
    expect(problems).toContain('contains "secret"')
    expect(problems).toContain('contains "@newsroom.test"')
  })
})

describe('articles', () => {
  it('never shows anonymous REST readers a draft or its id, at any depth', async () => {
    const paths = [
      ...collectionReads('articles', fx.published.id),
      ...DEPTHS.map((depth) => `/articles/${fx.pubWithDraft.id}?depth=${depth}`),
      `/articles?where[id][equals]=${fx.draft.id}`,
      `/articles?where[slug][equals]=${fx.draft.slug}`,
      '/articles?select[title]=true&select[createdBy]=true&select[tags]=true',
      '/articles?depth=3&limit=0',
      '/articles?depth=3&pagination=false',
    ]
    expect(await scanREST(paths, publicRules)).toEqual([])
    for (const depth of DEPTHS) {
      const { status } = await rest('GET', `/articles/${fx.draft.id}?depth=${depth}`)
      expect(status).toBe(404)
    }
    const { body } = await rest('GET', '/articles?limit=100')
    expect(body.docs.map((doc: Article) => doc.id).sort()).toEqual([fx.published.id, fx.pubWithDraft.id].sort())
  })

  it('never shows anonymous GraphQL readers a draft, a hidden tag, a byline account or createdBy', async () => {
    const article = `id title slug excerpt _status
      tags { id name slug description internal articles(limit: 100) { docs { id title } } }
      authors { id name user { id email role name } avatar { id alt createdBy { id email role } }
        articles(limit: 100) { docs { id title _status tags { id name } } } }
      heroImage { id alt createdBy { id email role } }
      createdBy { id email role name }`
    const problems = await scanGraphQL(
      [
        { query: `{ Articles(limit: 100) { totalDocs docs { ${article} } } }`, root: 'articles' },
        { query: `{ Articles(limit: 0) { totalDocs docs { id title } } }`, root: 'articles' },
        { query: `query($id: Int!) { Article(id: $id) { ${article} } }`, root: 'articles', variables: { id: fx.published.id } },
        { query: `query($id: Int!) { Article(id: $id) { ${article} } }`, root: 'articles', variables: { id: fx.pubWithDraft.id } },
        { query: `query($id: Int!) { Article(id: $id) { ${article} } }`, root: 'articles', variables: { id: fx.draft.id } },
      ],
      publicRules,
    )
    expect(problems).toEqual([])
    const { body } = await graphql('query($id: Int!) { Article(id: $id) { id title } }', { id: fx.draft.id })
    expect(body.data?.Article ?? null).toBeNull()
  })

  it('never shows anonymous GraphQL readers an article’s review state, on the article or through a relation', async () => {
    const review = 'id title workflow reviewNote'
    const queries = [
      `{ Articles(limit: 10) { docs { ${review} readMore { doc { value { ... on Article { ${review} } } } } } } }`,
      `query($id: Int!) { Article(id: $id) { ${review} readMore { doc { value { ... on Article { ${review} } } } } } }`,
      `query($id: Int!) { Tag(id: $id) { articles(limit: 10) { docs { ${review} } } } }`,
      `query($id: Int!) { Author(id: $id) { articles(limit: 10) { docs { ${review} } } } }`,
    ]
    const variables = [{}, { id: fx.published.id }, { id: fx.publicTag.id }, { id: fx.byline.id }]
    const answers = await Promise.all(queries.map((query, i) => graphql(query, variables[i])))
    // Answered, not refused: a refused query would hide nothing and prove nothing.
    expect(answers.map(({ body }) => body.errors ?? [])).toEqual(queries.map(() => []))
    expect(answers[1].body.data.Article.readMore[0].doc.value).toMatchObject({ id: fx.pubWithDraft.id, workflow: null })
    const problems = await scanGraphQL(
      queries.map((query, i) => ({ query, root: (i === 2 ? 'tags' : i === 3 ? 'authors' : 'articles') as CollectionSlug, variables: variables[i] })),
      publicRules,
    )
    expect(problems).toEqual([])
  })

  it('never shows the Local API without a user a draft or hidden fields', async () => {
    const { payload } = ctx
    const problems: string[] = []
    for (const depth of DEPTHS) {
      const list = await payload.find({ collection: 'articles', depth, limit: 100, overrideAccess: false })
      problems.push(...findLeaks(list, 'articles', publicRules))
      const one = await payload.findByID({ collection: 'articles', depth, id: fx.published.id, overrideAccess: false })
      problems.push(...findLeaks(one, 'articles', publicRules))
      const drafts = await payload.find({ collection: 'articles', depth, draft: true, limit: 100, overrideAccess: false })
      problems.push(...findLeaks(drafts, 'articles', publicRules))
    }
    expect(problems).toEqual([])
    await expect(
      payload.findByID({ collection: 'articles', id: fx.draft.id, overrideAccess: false }),
    ).rejects.toMatchObject({ status: 404 })
    const { totalDocs } = await payload.count({
      collection: 'articles',
      overrideAccess: false,
      where: { _status: { equals: 'draft' } },
    })
    expect(totalDocs).toBe(0)
  })
})

describe('articles: the draft query argument', () => {
  it('shows editors the newer draft title (the fixture is real)', async () => {
    const { body } = await rest('GET', `/articles/${fx.pubWithDraft.id}?draft=true`, { token: staff.editor.token })
    expect(body.title).toBe(DRAFT_TITLE)
  })

  it('gives anonymous REST readers the published version, never the newer draft', async () => {
    for (const depth of DEPTHS) {
      const { body, status } = await rest('GET', `/articles/${fx.pubWithDraft.id}?draft=true&depth=${depth}`)
      expect(status).toBe(200)
      expect(body.title).toBe(PUBLISHED_HEADLINE)
      expect((await rest('GET', `/articles/${fx.draft.id}?draft=true&depth=${depth}`)).status).toBe(404)
    }
    const paths = [
      ...DEPTHS.flatMap((depth) => [
        `/articles?draft=true&depth=${depth}&limit=100`,
        `/articles/${fx.pubWithDraft.id}?draft=true&depth=${depth}`,
        `/articles/${fx.published.id}?draft=true&depth=${depth}`,
        `/tags?draft=true&depth=${depth}&limit=100`,
        `/tags/${fx.publicTag.id}?draft=true&depth=${depth}&joins[articles][limit]=100`,
        `/authors?draft=true&depth=${depth}&limit=100`,
        `/authors/${fx.byline.id}?draft=true&depth=${depth}&joins[articles][limit]=100`,
        `/comments?draft=true&depth=${depth}&limit=100`,
      ]),
      `/articles?draft=true&where[title][equals]=${encodeURIComponent(DRAFT_TITLE)}`,
      '/articles?draft=true&where[title][like]=SECRET',
      '/articles?draft=true&where[_status][equals]=draft',
      '/articles/count?draft=true&where[title][like]=SECRET',
    ]
    expect(await scanREST(paths, publicRules)).toEqual([])
    await expectRefusedOrEmpty([
      `/articles?draft=true&where[title][equals]=${encodeURIComponent(DRAFT_TITLE)}`,
      '/articles?draft=true&where[excerpt][like]=SECRET',
      '/articles?draft=true&where[_status][equals]=draft',
      '/articles/count?draft=true&where[title][like]=SECRET',
    ])
  })

  it('gives anonymous GraphQL readers the published version, never the newer draft', async () => {
    const { body } = await graphql('query($id: Int!) { Article(id: $id, draft: true) { title excerpt slug } }', {
      id: fx.pubWithDraft.id,
    })
    expect(body.data?.Article?.title).toBe(PUBLISHED_HEADLINE)
    const problems = await scanGraphQL(
      [
        {
          query: '{ Articles(draft: true, limit: 100) { totalDocs docs { id title excerpt slug tags { id name } } } }',
          root: 'articles',
        },
        {
          query: '{ Articles(draft: true, where: { title: { like: "SECRET" } }) { totalDocs docs { id title } } }',
          root: 'articles',
        },
        { query: '{ countArticles(draft: true, where: { _status: { equals: draft } }) { totalDocs } }', root: 'articles' },
        {
          query: '{ Tags(draft: true) { docs { id name articles(limit: 100) { docs { id title excerpt } } } } }',
          root: 'tags',
        },
        {
          query: '{ Authors(draft: true) { docs { id name articles(limit: 100) { docs { id title excerpt } } } } }',
          root: 'authors',
        },
        { query: 'query($id: Int!) { Article(id: $id, draft: true) { id title } }', root: 'articles', variables: { id: fx.draft.id } },
      ],
      publicRules,
    )
    expect(problems).toEqual([])
    const drafts = await graphql('{ Articles(draft: true, where: { title: { like: "SECRET" } }) { totalDocs } }')
    expect(drafts.body.data?.Articles?.totalDocs).toBe(0)
  })

  it('gives the Local API without a user the published version, never the newer draft', async () => {
    const doc = await ctx.payload.findByID({
      collection: 'articles',
      draft: true,
      id: fx.pubWithDraft.id,
      overrideAccess: false,
    })
    expect(doc.title).toBe(PUBLISHED_HEADLINE)
    expect(findLeaks(doc, 'articles', publicRules)).toEqual([])
  })
})

describe('articles: versions', () => {
  it('refuses every versions endpoint to anonymous readers', async () => {
    expect(fx.versionIDs.length).toBeGreaterThanOrEqual(3)
    const paths = [
      '/articles/versions',
      '/articles/versions?depth=3&limit=100',
      `/articles/versions?where[parent][equals]=${fx.draft.id}`,
      `/articles/versions?where[version.title][like]=SECRET`,
      ...fx.versionIDs.map((id) => `/articles/versions/${id}?depth=2`),
    ]
    for (const path of paths) expect([403, 404], path).toContain((await rest('GET', path)).status)
    expect(await scanREST(paths, publicRules)).toEqual([])
  })

  it('refuses GraphQL versions queries to anonymous readers', async () => {
    const queries = [
      { query: '{ versionsArticles(limit: 100) { docs { id parent { id title } version { title excerpt } } } }', root: { versionsOf: 'articles' } as const },
      ...fx.versionIDs.map((id) => ({
        query: `{ versionArticle(id: ${id}) { id parent { id title } version { title excerpt } } }`,
        root: { versionsOf: 'articles' } as const,
      })),
    ]
    expect(await scanGraphQL(queries, publicRules)).toEqual([])
    for (const { query } of queries) {
      const { body } = await graphql(query)
      expect(body.errors?.length, query).toBeGreaterThan(0)
    }
  })

  it('refuses Local API versions reads without a user', async () => {
    await expect(
      ctx.payload.findVersions({ collection: 'articles', overrideAccess: false }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(
      ctx.payload.findVersionByID({ collection: 'articles', id: String(fx.versionIDs[0]), overrideAccess: false }),
    ).rejects.toMatchObject({ status: 403 })
  })
})

describe('tags', () => {
  it('never shows anonymous readers an internal tag, its id or its name, at any depth', async () => {
    const paths = [
      ...collectionReads('tags', fx.publicTag.id),
      `/tags?where[internal][equals]=true`,
      `/tags?where[name][like]=SECRET`,
      `/tags?where[id][equals]=${fx.internalTag.id}`,
      ...DEPTHS.map((depth) => `/articles/${fx.published.id}?depth=${depth}`),
    ]
    expect(await scanREST(paths, publicRules)).toEqual([])
    expect((await rest('GET', `/tags/${fx.internalTag.id}`)).status).toBe(404)
    const { body } = await rest('GET', `/articles/${fx.published.id}?depth=0`)
    expect(body.tags).toEqual([fx.publicTag.id])
  })

  it('lists only published articles in the tags→articles join for anonymous readers', async () => {
    const joins = `joins[articles][limit]=100`
    const paths = [
      ...DEPTHS.map((depth) => `/tags/${fx.publicTag.id}?depth=${depth}&${joins}`),
      `/tags/${fx.publicTag.id}?${joins}&joins[articles][where][_status][equals]=draft`,
      `/tags/${fx.publicTag.id}?${joins}&joins[articles][where][title][like]=SECRET`,
      `/tags/${fx.publicTag.id}?joins[articles][count]=true`,
      `/tags?depth=1&${joins}`,
    ]
    expect(await scanREST(paths, publicRules)).toEqual([])
    const { body } = await rest('GET', `/tags/${fx.publicTag.id}?depth=0&${joins}&joins[articles][count]=true`)
    expect(body.articles.docs.sort()).toEqual([fx.published.id, fx.pubWithDraft.id].sort())
    expect(body.articles.totalDocs).toBe(2)
    await expectRefusedOrEmpty([
      `/tags?where[articles.title][like]=SECRET`,
      `/tags?where[articles._status][equals]=draft`,
    ])
    const gql = await scanGraphQL(
      [
        {
          query: `{ Tags(limit: 100) { docs { id name internal description
            articles(limit: 100, count: true) { totalDocs docs { id title tags { id name } } }
            drafts: articles(where: { _status: { equals: draft } }) { totalDocs docs { id title } } } } }`,
          root: 'tags',
        },
        { query: `{ Tag(id: ${fx.internalTag.id}) { id name articles { docs { id } } } }`, root: 'tags' },
        { query: '{ Tags(where: { internal: { equals: true } }) { totalDocs docs { id name } } }', root: 'tags' },
      ],
      publicRules,
    )
    expect(gql).toEqual([])
  })

  it('does not let an anonymous filter on a related tag reveal an internal one', async () => {
    await expectRefusedOrEmpty([
      '/articles?where[tags.internal][equals]=true',
      '/articles?where[tags.name][equals]=SECRET-INTERNAL-TAG',
      '/articles?where[tags.description][like]=SECRET',
      '/articles/count?where[tags.internal][equals]=true',
      '/articles?where[tags.slug][like]=secret',
    ])
  })
})

describe('authors', () => {
  it('never shows anonymous readers the account behind a byline, at any depth', async () => {
    const paths = [
      ...collectionReads('authors', fx.byline.id),
      ...DEPTHS.map((depth) => `/authors/${fx.staffByline.id}?depth=${depth}`),
      '/authors?select[user]=true&select[name]=true',
    ]
    expect(await scanREST(paths, publicRules)).toEqual([])
    await expectRefusedOrEmpty([
      '/authors?where[user][exists]=true',
      `/authors?where[user][equals]=${fx.writer.id}`,
      '/authors?where[user.email][like]=example',
      '/authors?where[user.role][equals]=author',
      '/authors/count?where[user][exists]=true',
      '/articles?where[authors.user][exists]=true',
    ])
    const gql = await scanGraphQL(
      [
        { query: '{ Authors { docs { id name user { id email role name } } } }', root: 'authors' },
        { query: `{ Author(id: ${fx.byline.id}) { id user { id email } avatar { id createdBy { id email } } } }`, root: 'authors' },
      ],
      publicRules,
    )
    expect(gql).toEqual([])
  })

  it('lists only published articles in the authors→articles join for anonymous readers', async () => {
    const joins = 'joins[articles][limit]=100'
    const paths = [
      ...DEPTHS.map((depth) => `/authors/${fx.byline.id}?depth=${depth}&${joins}`),
      ...DEPTHS.map((depth) => `/authors/${fx.staffByline.id}?depth=${depth}&${joins}`),
      `/authors/${fx.byline.id}?${joins}&joins[articles][where][_status][equals]=draft`,
      `/authors/${fx.byline.id}?${joins}&joins[articles][where][title][like]=SECRET`,
      `/authors?depth=2&${joins}&joins[articles][count]=true`,
    ]
    expect(await scanREST(paths, publicRules)).toEqual([])
    const { body } = await rest('GET', `/authors/${fx.staffByline.id}?depth=0&${joins}&joins[articles][count]=true`)
    expect(body.articles.docs).toEqual([fx.published.id])
    expect(body.articles.totalDocs).toBe(1)
    await expectRefusedOrEmpty([
      '/authors?where[articles.title][like]=SECRET',
      '/authors?where[articles._status][equals]=draft',
    ])
    const gql = await scanGraphQL(
      [
        {
          query: `{ Authors { docs { id articles(limit: 100, count: true) { totalDocs docs { id title excerpt } }
            drafts: articles(where: { _status: { equals: draft } }) { totalDocs docs { id } } } } }`,
          root: 'authors',
        },
      ],
      publicRules,
    )
    expect(gql).toEqual([])
  })
})

describe('media', () => {
  it('never shows anonymous readers who uploaded a file', async () => {
    const paths = [...collectionReads('media', fx.hero.id)]
    expect(await scanREST(paths, publicRules)).toEqual([])
    await expectRefusedOrEmpty([
      `/media?where[createdBy][equals]=${staff.editor.user.id}`,
      '/media?where[createdBy.email][like]=newsroom',
    ])
    const gql = await scanGraphQL(
      [{ query: '{ allMedia { docs { id alt createdBy { id email role name } } } }', root: 'media' }],
      publicRules,
    )
    expect(gql).toEqual([])
  })

  it('never lets anonymous readers filter articles by createdBy', async () => {
    await expectRefusedOrEmpty([
      '/articles?where[createdBy][exists]=true',
      `/articles?where[createdBy][equals]=${staff.editor.user.id}`,
      '/articles?where[createdBy.email][like]=editor',
      '/articles?where[createdBy.role][equals]=editor',
    ])
  })
})

describe('comments', () => {
  it('shows anonymous readers only approved comments on published articles, without emails, at any depth', async () => {
    const paths = [
      ...collectionReads('comments', fx.approved.id),
      ...DEPTHS.map((depth) => `/comments/${fx.reply.id}?depth=${depth}`),
      `/comments?where[article][equals]=${fx.draft.id}`,
      `/comments?select[authorEmail]=true&select[status]=true&select[parent]=true`,
    ]
    expect(await scanREST(paths, publicRules)).toEqual([])
    const { body } = await rest('GET', '/comments?limit=100')
    expect(body.docs.map((doc: Comment) => doc.id).sort()).toEqual([fx.approved.id, fx.reply.id].sort())
    for (const hidden of fx.hiddenComments) expect((await rest('GET', `/comments/${hidden.id}`)).status).toBe(404)
    const reply = await rest('GET', `/comments/${fx.reply.id}?depth=0`)
    expect(reply.body.parent ?? null).toBeNull()
  })

  it('refuses or empties anonymous filters that reach hidden comments or commenter emails', async () => {
    await expectRefusedOrEmpty([
      '/comments?where[status][equals]=pending',
      '/comments?where[status][not_equals]=approved',
      '/comments?where[authorEmail][exists]=true',
      '/comments?where[authorEmail][like]=example',
      '/comments?where[body][like]=SECRET',
      '/comments?where[article._status][equals]=draft',
      '/comments?where[parent.body][like]=SECRET',
      '/comments?where[parent.status][equals]=rejected',
      '/comments/count?where[body][like]=SECRET',
    ])
    for (const path of ['/comments?where[authorEmail][exists]=true', '/comments?where[status][equals]=spam']) {
      const { body, status } = await rest('GET', path)
      expect(status, path).toBe(400)
      expect(JSON.stringify(body.errors), path).toMatch(/authorEmail|status/)
    }
  })

  it('shows anonymous GraphQL readers no hidden comment, parent, status or email', async () => {
    const comment = `id body authorName authorEmail status
      article { id title } parent { id body authorEmail status parent { id } }`
    const problems = await scanGraphQL(
      [
        { query: `{ Comments(limit: 100) { totalDocs docs { ${comment} } } }`, root: 'comments' },
        { query: '{ countComments { totalDocs } }', root: 'comments' },
        ...[fx.reply, ...fx.hiddenComments].map(({ id }) => ({
          query: `{ Comment(id: ${id}) { ${comment} } }`,
          root: 'comments' as const,
        })),
      ],
      publicRules,
    )
    expect(problems).toEqual([])
    const { body } = await graphql(`{ Comments(where: { authorEmail: { equals: "leak-approved-published@example.com" } }) { totalDocs } }`)
    expect(body.data?.Comments ?? null).toBeNull()
    expect(JSON.stringify(body.errors)).toContain('authorEmail')
  })

  it('never shows a contributor hidden comments or commenter emails', async () => {
    const { token } = staff.contributor
    const paths = [
      ...collectionReads('comments', fx.approved.id),
      ...DEPTHS.map((depth) => `/comments/${fx.reply.id}?depth=${depth}`),
      ...DEPTHS.map((depth) => `/articles?depth=${depth}&limit=100`),
      ...DEPTHS.map((depth) => `/authors?depth=${depth}&limit=100`),
      '/users?depth=1',
      '/comments/count',
    ]
    expect(await scanREST(paths, contributorRules, token)).toEqual([])
    for (const hidden of fx.hiddenComments) expect((await rest('GET', `/comments/${hidden.id}`, { token })).status).toBe(404)
    await expectRefusedOrEmpty(
      ['/comments?where[authorEmail][exists]=true', '/comments?where[status][equals]=pending', '/comments?where[body][like]=SECRET'],
      token,
    )
    const gql = await scanGraphQL(
      [
        {
          query: `{ Comments(limit: 100) { docs { id body authorEmail status parent { id body authorEmail } article { id createdBy { id email role } } } } }`,
          root: 'comments',
        },
        { query: '{ Authors { docs { id user { id email role } } } }', root: 'authors' },
        { query: '{ Users { docs { id email role } } }', root: 'users' },
      ],
      contributorRules,
      token,
    )
    expect(gql).toEqual([])
    const { body } = await rest('GET', '/comments?limit=100', { token })
    expect(body.docs.map((doc: Comment) => doc.id).sort()).toEqual([fx.approved.id, fx.reply.id].sort())
  })

  it('never shows the Local API without a user a hidden comment or an email', async () => {
    const problems: string[] = []
    for (const depth of DEPTHS) {
      problems.push(
        ...findLeaks(
          await ctx.payload.find({ collection: 'comments', depth, limit: 100, overrideAccess: false }),
          'comments',
          publicRules,
        ),
      )
    }
    expect(problems).toEqual([])
    await expect(
      ctx.payload.findByID({ collection: 'comments', id: fx.rejected.id, overrideAccess: false }),
    ).rejects.toMatchObject({ status: 404 })
  })
})

describe('Local API without a user', () => {
  it('returns nothing hidden from any public collection, at any depth, drafts or not', async () => {
    const { readable } = await collectionsByAnonymousRead(ctx.config)
    // The collections a stranger may read come from the config; these five at least must be among them.
    expect(readable).toEqual(expect.arrayContaining(['articles', 'authors', 'comments', 'media', 'tags']))
    const problems: string[] = []
    for (const collection of readable) {
      for (const depth of DEPTHS) {
        for (const draft of [false, true]) {
          const result = await ctx.payload.find({ collection, depth, draft, limit: 100, overrideAccess: false })
          const found = findLeaks(result, collection, publicRules)
          problems.push(...found.map((problem) => `${collection} depth ${depth} draft ${draft} ${problem}`))
        }
      }
    }
    expect(problems).toEqual([])
    const { totalDocs } = await ctx.payload.count({ collection: 'tags', overrideAccess: false })
    expect(totalDocs).toBe(1)
  })

  it('refuses every collection a stranger may read nothing of', async () => {
    const { unreadable } = await collectionsByAnonymousRead(ctx.config)
    expect(unreadable).toContain('users')
    const answers: string[] = []
    for (const collection of unreadable) {
      answers.push(
        await ctx.payload.find({ collection, limit: 100, overrideAccess: false }).then(
          ({ docs }) => `${collection}: ${docs.length} documents`,
          (error: { status?: number }) => `${collection}: ${error.status}`,
        ),
      )
    }
    expect(answers).toEqual(unreadable.map((collection) => `${collection}: 403`))
  })
})

// Every relation in the config whose target strangers may not read in full, and every hidden id of
// that target in the fixtures: a filter on one must be refused or find nothing.
describe('filters on a hidden document id, for every private relation in the config', () => {
  it('are refused or find nothing for anonymous readers', async () => {
    const { readable } = await collectionsByAnonymousRead(ctx.config)
    const paths: string[] = []
    for (const slug of readable) {
      const collection = ctx.config.collections.find((candidate) => candidate.slug === slug)!
      for (const relation of relationsOf(ctx.config, collection.flattenedFields)) {
        const polymorphic = relation.targets.length > 1 || relationFieldIsPolymorphic(collection.flattenedFields, relation.path)
        const field = polymorphic ? `${relation.path}.value` : relation.path
        for (const target of relation.targets) {
          for (const id of publicRules.ids?.[target as CollectionSlug] ?? []) paths.push(`/${slug}?where[${field}][equals]=${id}`)
        }
      }
    }
    // Those the fixtures make answerable at all, so the check cannot pass for want of data.
    expect(paths).toEqual(
      expect.arrayContaining([
        `/articles?where[tags][equals]=${fx.internalTag.id}`,
        `/comments?where[parent][equals]=${fx.rejected.id}`,
        `/tags?where[articles][equals]=${fx.draft.id}`,
        `/authors?where[user][equals]=${fx.writer.id}`,
      ]),
    )
    await expectRefusedOrEmpty(paths)
  })
})

// Payload answers a filter on a hidden document's id without looking at that document: the
// matches are readable, but their existence confirms the hidden id and what it is linked to.
describe('filters on a hidden document id', () => {
  it('do not confirm an internal tag id through articles.tags for anonymous readers', async () => {
    await expectRefusedOrEmpty([
      `/articles?where[tags][equals]=${fx.internalTag.id}`,
      `/articles?where[tags][in]=${fx.internalTag.id}`,
      `/articles/count?where[tags][in]=${fx.internalTag.id}`,
    ])
    const { body } = await graphql(`{ Articles(where: { tags: { in: [${fx.internalTag.id}] } }) { totalDocs } }`)
    expect(body.data?.Articles?.totalDocs ?? 0).toBe(0)
  })

  it('do not confirm a draft article id through the tags and authors joins for anonymous readers', async () => {
    await expectRefusedOrEmpty([
      `/tags?where[articles][equals]=${fx.draft.id}`,
      `/tags/count?where[articles][in]=${fx.draft.id}`,
      `/authors?where[articles][equals]=${fx.draft.id}`,
    ])
  })

  it('do not confirm a rejected comment id through comments.parent for anonymous readers', async () => {
    await expectRefusedOrEmpty([
      `/comments?where[parent][equals]=${fx.rejected.id}`,
      `/comments/count?where[parent][equals]=${fx.rejected.id}`,
    ])
  })
})

describe('counts', () => {
  it('counts only what anonymous readers may see on REST', async () => {
    const expected: [string, number][] = [
      ['/articles/count', 2],
      ['/articles/count?where[_status][equals]=draft', 0],
      ['/articles/count?where[title][like]=SECRET', 0],
      [`/articles/count?where[id][equals]=${fx.draft.id}`, 0],
      ['/tags/count', 1],
      ['/tags/count?where[internal][equals]=true', 0],
      ['/comments/count', 2],
      [`/comments/count?where[article][equals]=${fx.draft.id}`, 0],
    ]
    const actual: [string, number][] = []
    for (const [path] of expected) {
      const { body, status } = await rest('GET', path)
      actual.push([path, status === 200 ? body.totalDocs : -status])
    }
    expect(actual).toEqual(expected)
    await expectRefusedOrEmpty([
      '/comments/count?where[status][equals]=pending',
      '/comments/count?where[authorEmail][exists]=true',
      '/users/count',
      '/users/count?where[role][equals]=admin',
    ])
  })

  it('counts only what anonymous readers may see on GraphQL', async () => {
    const { body } = await graphql(`{
      countArticles { totalDocs }
      drafts: countArticles(where: { _status: { equals: draft } }) { totalDocs }
      Articles(where: { _status: { equals: draft } }) { totalDocs }
      countTags { totalDocs }
      internal: countTags(where: { internal: { equals: true } }) { totalDocs }
      countComments { totalDocs }
    }`)
    expect(body.data).toEqual({
      Articles: { totalDocs: 0 },
      countArticles: { totalDocs: 2 },
      countComments: { totalDocs: 2 },
      countTags: { totalDocs: 1 },
      drafts: { totalDocs: 0 },
      internal: { totalDocs: 0 },
    })
    const users = await graphql('{ countUsers { totalDocs } }')
    expect(users.body.data?.countUsers?.totalDocs ?? 0).toBe(0)
  })
})

describe('audit trail', () => {
  it('shows anonymous readers, contributors and authors no audit entry on REST, GraphQL or the Local API', async () => {
    expect((await ctx.payload.count({ collection: 'audit-log', overrideAccess: true })).totalDocs).toBeGreaterThan(0)
    const [entry] = (await ctx.payload.find({ collection: 'audit-log', depth: 0, limit: 1, overrideAccess: true })).docs
    const paths = [
      '/audit-log',
      `/audit-log/${entry.id}`,
      '/audit-log/count',
      `/audit-log?where[collection][equals]=articles`,
      `/articles?where[updatedBy][exists]=true`,
      `/articles?where[updatedBy.email][like]=newsroom`,
    ]
    for (const token of [undefined, staff.contributor.token, staff.author.token]) {
      await expectRefusedOrEmpty(paths.slice(0, 4), token)
      const { body } = await graphql(`{ AuditEntries { docs { id action actorLabel } } countAuditEntries { totalDocs } AuditEntry(id: ${entry.id}) { id } }`, {}, token)
      expect(body.data?.AuditEntries?.docs ?? [], 'GraphQL list').toEqual([])
      expect(body.data?.AuditEntry ?? null, 'GraphQL by id').toBeNull()
      expect(body.data?.countAuditEntries?.totalDocs ?? 0, 'GraphQL count').toBe(0)
    }
    await expectRefusedOrEmpty(paths.slice(4))
    await expect(ctx.payload.find({ collection: 'audit-log', overrideAccess: false })).rejects.toMatchObject({ status: 403 })
  })

  it('never shows anonymous readers who made a story or a version (updatedBy)', async () => {
    // Every story and version made by the editor, so that a leak would show, not an empty field.
    await executeSQL(ctx.payload, `UPDATE articles SET updated_by_id = ${staff.editor.user.id}`)
    await executeSQL(ctx.payload, `UPDATE _articles_v SET version_updated_by_id = ${staff.editor.user.id}`)
    expect(
      await scanREST(
        ['/articles?depth=2', `/articles/${fx.published.id}?depth=2`, '/articles?select[updatedBy]=true', `/articles/versions?depth=1`],
        publicRules,
      ),
    ).toEqual([])
    expect(
      await scanGraphQL([{ query: '{ Articles { docs { id updatedBy { id email name } } } }', root: 'articles' }], publicRules),
    ).toEqual([])
  })
})
