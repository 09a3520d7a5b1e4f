/**
 * PostgreSQL's plans for the public reads, at 20,000 published stories: none reads the whole of
 * `articles`, `articles_rels` or the read-more topic counts. The schema comes from the committed
 * migrations; the archive is written with bulk SQL (bench/readMoreArchive.ts) and ANALYZEd; the
 * SQL Payload really sends for each read is captured and EXPLAINed with its own parameters.
 * SQLite's counterpart is tests/db/query-plans.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { rebuildReadMoreCounts } from '@plugins/read-more'
import { CANDIDATES_PER_TOPIC } from '@plugins/read-more/utilities/rankRelated'

import { ARCHIVE_TAGS, readMoreArchive } from '../../bench/readMoreArchive'
import { bootPayload, type TestContext } from '../helpers/bootPayload'
import { graphql, rest } from '../helpers/http'
import { captureSelects, postgresRowsRead, postgresSequentialScans } from '../helpers/queryPlans'
import { createPostgresDatabase, executeSQL } from '../helpers/testDatabase'

const STORIES = 21_500
const CHECKED_TABLES = ['articles', 'articles_rels', 'read_more_topic_counts']

let ctx: TestContext
let story: { id: number; slug: string; tags: number }

beforeAll(async () => {
  ctx = await bootPayload({ database: await createPostgresDatabase() })
  const { payload } = ctx
  const archive = readMoreArchive({ dialect: 'postgres', execute: (statement) => executeSQL(payload, statement) })
  await archive.writeTopicsAndAuthors()
  await archive.grow(STORIES)
  await rebuildReadMoreCounts({ collection: 'articles', payload })
  // What autovacuum does some time after a bulk import: statistics (ANALYZE) and the visibility
  // map (VACUUM), which lets PostgreSQL answer from an index alone.
  await executeSQL(payload, 'VACUUM ANALYZE')
  // A story carrying the most common tag: the read-more walk and the tag list see its longest posting list.
  const [row] = await executeSQL(
    payload,
    `SELECT a.id, a.slug, (SELECT count(*) FROM articles_rels t WHERE t.parent_id = a.id AND t.path = 'tags') AS tags
     FROM articles a JOIN articles_rels r ON r.parent_id = a.id AND r.path = 'tags' AND r.tags_id = 1
     WHERE a._status = 'published' ORDER BY a.id DESC LIMIT 1`,
  )
  story = { id: Number(row.id), slug: String(row.slug), tags: Number(row.tags) }
}, 600_000)
afterAll(async () => ctx?.shutdown())

const reads: [string, () => Promise<unknown>][] = [
  ['read-more links (REST)', () => rest('GET', `/articles/${story.id}/read-more`)],
  ['a default anonymous REST list', () => rest('GET', '/articles')],
  ['the newest ten, depth 1 (REST)', () => rest('GET', '/articles?depth=1&limit=10&sort=-publishedAt')],
  ['a story by slug (REST)', () => rest('GET', `/articles?depth=1&limit=1&where[slug][equals]=${story.slug}`)],
  ['a story by id (REST)', () => rest('GET', `/articles/${story.id}?depth=1`)],
  ['the most common tag page (REST)', () => rest('GET', '/articles?depth=1&limit=10&sort=-publishedAt&where[tags][in]=1')],
  ['a rare tag page (REST)', () => rest('GET', `/articles?depth=1&limit=10&sort=-publishedAt&where[tags][in]=${ARCHIVE_TAGS - 20}`)],
  ['an author page (REST)', () => rest('GET', '/articles?depth=1&limit=10&sort=-publishedAt&where[authors][in]=3')],
  [
    'the newest ten (GraphQL)',
    () => graphql('{ Articles(limit: 10, sort: "-publishedAt") { docs { id title slug authors { name slug } tags { name slug } } } }'),
  ],
]

describe('PostgreSQL query plans of public reads at 20,000 stories', () => {
  it('holds the archive it claims: 20,000 published stories and ANALYZEd statistics', async () => {
    const [{ published }] = await executeSQL(ctx.payload, "SELECT count(*) AS published FROM articles WHERE _status = 'published'")
    expect(Number(published)).toBeGreaterThanOrEqual(20_000)
    const [{ analyzed }] = await executeSQL(ctx.payload, "SELECT count(*) AS analyzed FROM pg_stats WHERE tablename = 'articles_rels'")
    expect(Number(analyzed)).toBeGreaterThan(0)
  })

  it.each(reads)('%s: no sequential scan of articles, their relationships or the topic counts', async (_name, read) => {
    const statements = await captureSelects(ctx.payload, async () => {
      const { status } = (await read()) as { status: number }
      expect(status).toBe(200)
    })
    expect(statements.length).toBeGreaterThan(0)
    // The versions table is left empty by the bulk fill: a public read must not need it.
    expect(statements.filter(({ sql }) => sql.includes('_articles_v'))).toEqual([])
    const problems: string[] = []
    for (const statement of statements) {
      for (const scan of await postgresSequentialScans(ctx.payload, statement, CHECKED_TABLES)) problems.push(`${scan}\n    in: ${statement.sql}`)
    }
    expect(problems).toEqual([])
  })

  it('ranks read-more candidates from a bounded walk per topic, never the whole posting list of a common topic', async () => {
    const statements = await captureSelects(ctx.payload, () => rest('GET', `/articles/${story.id}/read-more`))
    const ranking = statements.filter(({ sql }) => /^\s*with candidates/i.test(sql))
    expect(ranking).toHaveLength(1)
    // Each topic's walk stops after CANDIDATES_PER_TOPIC entries; each candidate then has its own few
    // topics looked up (4 at most here). Tag 1 alone is on some 8,000 stories.
    const bound = story.tags * CANDIDATES_PER_TOPIC * (1 + 4)
    const read = await postgresRowsRead(ctx.payload, ranking[0], 'articles_rels')
    expect(read).toBeGreaterThan(0)
    expect(read).toBeLessThanOrEqual(bound)
  })

  it('flags a sequential scan (the rule itself can fail)', async () => {
    const scan = (sql: string) => postgresSequentialScans(ctx.payload, { args: [], sql }, CHECKED_TABLES)
    expect(await scan("SELECT id FROM articles WHERE excerpt LIKE '%harbour%'")).toEqual(['Seq Scan on articles'])
    expect(await scan('SELECT count(*) FROM articles_rels WHERE authors_id IS NULL AND tags_id > 0')).toEqual(['Seq Scan on articles_rels'])
  })
})
