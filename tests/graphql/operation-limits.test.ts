import { configToSchema } from '@payloadcms/graphql'
import { GraphQL } from '@payloadcms/graphql/types'
import { getComplexity } from 'graphql-query-complexity'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { OPERATION_SIZE_LIMITS } from '@/graphql/limitOperationSize'
import { QUERY_COST_LIMITS } from '@/graphql/limitQueryCost'
import { costEstimator } from '@/graphql/queryCost'
import { DEFAULT_MAX_LIMIT as PUBLIC_MAX_LIMIT } from '@plugins/public-reads'

import { WORST_OPERATIONS } from '../../bench/graphqlWorst'

import { bootPayload, type TestContext } from '../helpers/bootPayload'
import { graphql, type JSONResponse } from '../helpers/http'
import { createStaff, type Staff } from '../helpers/staff'

let ctx: TestContext
let staff: Staff
let articleID: number
let tagID: number

type Body = JSONResponse['body']

/** Sends an anonymous operation (or staff's, with `token`) and times it. */
const timed = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
  const started = performance.now()
  const response = await graphql(query, variables, token)
  return { ...response, ms: performance.now() - started }
}

const messages = (body: Body): string => (body.errors ?? []).map(({ message }: { message: string }) => message).join('\n')

const expectRefused = (response: { body: Body; status: number }, pattern: RegExp) => {
  expect(response.status, JSON.stringify(response.body).slice(0, 500)).toBe(400)
  expect(response.body.data).toBeUndefined()
  expect(messages(response.body)).toMatch(pattern)
}

const expectAccepted = (response: { body: Body; status: number }) => {
  expect(response.body.errors, messages(response.body)).toBeUndefined()
  expect(response.status).toBe(200)
}

/** `count` aliased lookups of one story, each a root field. */
const lookups = (count: number) =>
  `{ ${Array.from({ length: count }, (_, i) => `a${i}: Article(id: ${articleID}) { title }`).join(' ')} }`

// The issue's query: it passed Payload's maxComplexity (1000) and took 11 s and 1 GB at 20,000 stories.
const NESTED =
  'Articles(limit: 100) { docs { title content authors { name articles { docs { id title } } } tags { name } comments { docs { body } } } }'
const NESTED_FOUR = `{ ${[0, 1, 2, 3].map((i) => `n${i}: ${NESTED}`).join(' ')} }`

/** Fragments each spread twice in the next: 2^depth copies of one list once expanded. */
const fragmentBomb = (depth: number) =>
  `query { ...F0 } ${Array.from({ length: depth }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join(' ')} ` +
  `fragment F${depth} on Query { Articles(limit: 1) { docs { id } } }`

beforeAll(async () => {
  ctx = await bootPayload()
  staff = await createStaff(ctx.payload)
  const { payload } = ctx
  const author = await payload.create({ collection: 'authors', data: { name: 'Cost Byline', slug: 'cost-byline' } })
  const tag = await payload.create({ collection: 'tags', data: { name: 'Harbour', slug: 'harbour' } })
  const article = await payload.create({
    collection: 'articles',
    data: { _status: 'published', authors: [author.id], slug: 'cost-story', tags: [tag.id], title: 'Harbour reopens' },
    user: staff.editor.user,
  })
  articleID = article.id
  tagID = tag.id
  // Loads the route and builds the schema, so the timings below measure the operations alone.
  await graphql('{ Articles(limit: 1) { docs { id } } }')
})

afterAll(async () => {
  await ctx?.shutdown()
})

describe('GraphQL operation size', () => {
  it('refuses 400 aliased lookups with a 400 naming the root-field and alias limits, at once, for anonymous readers', async () => {
    const response = await timed(lookups(400))
    expectRefused(response, /400 root fields; the limit is 20[\s\S]*400 aliases; the limit is 50/)
    expect(response.ms).toBeLessThan(2000)
  })

  it(`answers ${OPERATION_SIZE_LIMITS.maxRootFields} root fields and refuses one more`, async () => {
    const atLimit = await timed(lookups(OPERATION_SIZE_LIMITS.maxRootFields))
    expectAccepted(atLimit)
    expect(Object.keys(atLimit.body.data)).toHaveLength(20)
    expectRefused(await timed(lookups(21)), /21 root fields; the limit is 20/)
  })

  it('counts aliases at every depth and each time their fragment is spread', async () => {
    const aliases = (count: number) => Array.from({ length: count }, (_, i) => `t${i}: title`).join(' ')
    expectAccepted(await timed(`{ Articles(limit: 1) { docs { ${aliases(50)} } } }`))
    expectRefused(await timed(`{ Articles(limit: 1) { docs { ${aliases(51)} } } }`), /51 aliases; the limit is 50/)
    const spreadTwice = `{ a: Articles(limit: 1) { docs { ...T } } b: Articles(limit: 1) { docs { ...T } } } fragment T on Article { ${aliases(30)} }`
    expectRefused(await timed(spreadTwice), /62 aliases; the limit is 50/)
  })

  it('refuses fragments spread twice in each other (2^20 copies) with a 400 in well under a second', async () => {
    const response = await timed(fragmentBomb(20))
    expectRefused(response, /more than 1,000 selections, counting a fragment each time it is spread/)
    expect(response.ms).toBeLessThan(1000)
  })

  it('refuses a fragment that spreads itself with a 400, not a 500', async () => {
    const response = await timed('{ ...A } fragment A on Query { Articles { docs { ...B } } } fragment B on Article { id ...B }')
    expectRefused(response, /Cannot spread fragment "B" within itself/)
  })
})

describe('GraphQL cost', () => {
  it('answers the frontend queries: the home list, a story with its comments, a tag page', async () => {
    expectAccepted(
      await timed(
        '{ Articles(limit: 10, sort: "-publishedAt") { docs { id title slug excerpt publishedAt authors { id name slug } tags { id name slug } } } }',
      ),
    )
    expectAccepted(
      await timed(
        'query Story($slug: String) { Articles(where: { slug: { equals: $slug } }, limit: 1) { docs { title content heroImage { url alt } authors { name slug } tags { name slug } comments(limit: 50) { docs { authorName body } } count: comments(count: true, limit: 0) { totalDocs } } } }',
        { slug: 'cost-story' },
      ),
    )
    const tagPage = await timed(`{ Tag(id: ${tagID}) { name articles(limit: 20) { docs { title slug publishedAt } } } }`)
    expectAccepted(tagPage)
    expect(tagPage.body.data.Tag.articles.docs).toEqual([expect.objectContaining({ title: 'Harbour reopens' })])
  })

  it('prices a filter on a relationship as a filtered query, though its operators take JSON like a body’s', async () => {
    const byTag = 'query ByTag($tag: JSON) { Articles(where: { tags: { in: [$tag] } }) { docs { slug } } }'
    expectAccepted(await timed(byTag, { tag: tagID }))
    const { schema } = configToSchema(ctx.config)
    const estimator = costEstimator({ maxListSize: PUBLIC_MAX_LIMIT, mutationType: schema.getMutationType(), queryType: schema.getQueryType() })
    // The page and its count (75 each), then 10 stories at 3.
    expect(getComplexity({ estimators: [estimator], query: GraphQL.parse(byTag), schema, variables: { tag: tagID } })).toBe(180)
  })

  it('refuses the issue’s nested query, four times aliased, with a 400 giving its cost and the limit', async () => {
    // Per story: itself (3), its body (1), 10 authors (1 each) with 100 joined stories (3 each) and
    // the join's query (5), 10 tags, 100 comments and their query: 3,379; times 100 stories, plus
    // the page and its count (5 each); four times.
    const response = await timed(NESTED_FOUR)
    expectRefused(response, /would cost 1,351,640, and the limit for public requests is 400/)
    expect(response.ms).toBeLessThan(2000)
  })

  it('multiplies a list by what each document selects: 100 stories with their authors cost 1,305, 30 cost 395', async () => {
    const list = 'query ($limit: Int) { Articles(limit: $limit, pagination: false) { docs { title authors { name } } } }'
    // A statement (5), then per story 3 plus 10 authors at 1 (a hasMany without maxRows counts 10).
    expectRefused(await timed(list, { limit: 100 }), /would cost 1,305, and the limit for public requests is 400/)
    expectRefused(await timed(list, { limit: 31 }), /would cost 408/)
    expectAccepted(await timed(list, { limit: 30 }))
  })

  it('counts a public list or join at most at the clamp of 100, and a join without a limit at it', async () => {
    expectAccepted(await timed('{ Articles(limit: 100000, pagination: false) { docs { title } } }'))
    // 5 + 100 × (3 + 5 + 100 × 3): the comments join has no limit, so the clamp.
    expectRefused(
      await timed('{ Articles(limit: 100000, pagination: false) { docs { title comments { docs { body } } } } }'),
      /would cost 30,805/,
    )
    // A count alone is one statement per story: 5 + 40 × (3 + 5).
    expectAccepted(await timed('{ Articles(limit: 40, pagination: false) { docs { comments(count: true, limit: 0) { totalDocs } } } }'))
  })

  it('counts 75 for each query that filters or sorts, which may scan a whole table, and 200 if it reads the bodies', async () => {
    // A text search in the bodies (`like`) runs on SQLite only (src/queries/operandProblem.ts): `exists` reads them on both.
    const counts = (count: number, condition: (i: number) => string) =>
      `{ ${Array.from({ length: count }, (_, i) => `c${i}: countArticles(where: { ${condition(i)} }) { totalDocs }`).join(' ')} }`
    const byTitle = (i: number) => `title: { like: "harbour ${i}" }`
    const byBody = (i: number) => `content: { exists: true }, excerpt: { not_equals: "${i}" }`
    expectAccepted(await timed(counts(5, byTitle)))
    expectRefused(await timed(counts(6, byTitle)), /would cost 450/)
    expectAccepted(await timed(counts(2, byBody)))
    expectRefused(await timed(counts(3, byBody)), /would cost 600/)
    const sorted = (sort: string) => `{ ${[0, 1, 2].map((i) => `s${i}: Articles(sort: "${sort}", limit: 1, pagination: false) { docs { id } }`).join(' ')} }`
    expectAccepted(await timed(sorted('-title')))
    expectRefused(await timed(sorted('-content')), /would cost 609/)
  })

  // The bench runs on SQLite: its filter on the body compares the stored JSON with a string, which PostgreSQL's jsonb does not take.
  const worstOperations = WORST_OPERATIONS.filter(({ query }) => process.env.TEST_DATABASE !== 'postgres' || !query.includes('content: {'))
  it.each(worstOperations)('accepts the bench’s costly operation "$name" at the cost it states, $cost', async ({ cost, query }) => {
    expectAccepted(await timed(query))
    const { schema } = configToSchema(ctx.config)
    const estimator = costEstimator({ maxListSize: PUBLIC_MAX_LIMIT, mutationType: schema.getMutationType(), queryType: schema.getQueryType() })
    expect(getComplexity({ estimators: [estimator], query: GraphQL.parse(query), schema })).toBe(cost)
    expect(cost).toBeLessThanOrEqual(QUERY_COST_LIMITS.public)
  })

  it(`gives staff a budget of ${QUERY_COST_LIMITS.staff}, and requires a limit on their joins, which Payload does not clamp`, async () => {
    const { token } = staff.editor
    // 1,305: refused to the public (above).
    expectAccepted(await timed('{ Articles(limit: 100, pagination: false) { docs { title authors { name } } } }', {}, token))
    expectRefused(
      await timed('{ Authors(limit: 1) { docs { articles { docs { title } } } } }', {}, token),
      /a list or join without a limit, which returns every matching document to staff; give it a limit/,
    )
    expectAccepted(await timed('{ Authors(limit: 1) { docs { articles(limit: 20) { docs { title } } } } }', {}, token))
  })
})

describe('GraphQL suggestions', () => {
  const guesses = [
    { name: 'a field', query: '{ Articles { docs { titel } } }', variables: {} },
    { name: 'an argument', query: '{ Articles(limt: 5) { docs { title } } }', variables: {} },
    { name: 'an input field', query: '{ Articles(where: { titel: { equals: "x" } }) { docs { title } } }', variables: {} },
    { name: 'an enum value', query: '{ Articles(where: { _status: { equals: publishd } }) { docs { title } } }', variables: {} },
    {
      name: 'an enum value in a variable',
      query: 'query ($s: Article__status_Input) { Articles(where: { _status: { equals: $s } }) { docs { title } } }',
      variables: { s: 'publishd' },
    },
    {
      name: 'an input field in a variable',
      query: 'query ($w: Article_where) { Articles(where: $w) { docs { title } } }',
      variables: { w: { titel: { equals: 'x' } } },
    },
  ]

  it.each(guesses)('refuses a misspelt $name without suggesting the right name, for anonymous readers', async ({ query, variables }) => {
    const response = await timed(query, variables)
    expect(response.status).toBe(400)
    const text = messages(response.body)
    expect(text).not.toMatch(/did you mean/i)
    expect(text).not.toMatch(/"(title|limit|published)"/)
  })

  it('still suggests to staff', async () => {
    const response = await timed('{ Articles { docs { titel } } }', {}, staff.editor.token)
    expect(response.status).toBe(400)
    expect(messages(response.body)).toMatch(/Did you mean "title"\?/)
  })
})
