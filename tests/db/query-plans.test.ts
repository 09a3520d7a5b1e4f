/**
 * The public reads must cost the same on a 2,000- and a 200,000-story archive: each is served by an
 * index read in order, never by a pass over a table or by sorting every matching story. This boots
 * the real config on the demo seed, captures the SQL that Payload sends for each public read the
 * reference frontend and the read-more endpoint make (and the editors' default admin list), and checks
 * SQLite's plan for each statement.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type * as FrontendQueries from '@/frontend/api'

import { seed } from '@/seed'

import { useTestPayload } from '../helpers/bootPayload'
import { graphql, rest } from '../helpers/http'
import { captureSelects, planProblems } from '../helpers/queryPlans'
import { demoLogins } from '@/seed/data/users'

type FrontendAPI = typeof FrontendQueries

const ctx = useTestPayload()

let frontend: FrontendAPI
let story: { id: number; slug: string }
let tagID: number
let tagSlug: string
let authorSlug: string
let authorID: number
let editorToken: string

beforeAll(async () => {
  await seed(ctx.payload)
  const editor = demoLogins.find(({ role }) => role === 'editor')!
  editorToken = (await ctx.payload.login({ collection: 'users', data: { email: editor.email, password: editor.password } })).token!
  // The reference frontend's own query functions, with its fetches answered by the app's route handlers.
  vi.stubGlobal('fetch', async (input: string) => {
    const { body, status } = await rest('GET', new URL(input).pathname.replace(/^\/api/, '') + new URL(input).search)
    return Response.json(body, { status })
  })
  frontend = await import('@/frontend/api')
  const { docs } = await ctx.payload.find({ collection: 'articles', depth: 0, limit: 1, overrideAccess: false })
  story = docs[0] as typeof story
  const article = docs[0]
  tagID = article.tags![0] as number
  authorID = article.authors[0] as number
  authorSlug = (await ctx.payload.findByID({ collection: 'authors', depth: 0, id: authorID })).slug!
  tagSlug = (await ctx.payload.findByID({ collection: 'tags', depth: 0, id: tagID })).slug!
})

afterAll(() => {
  vi.unstubAllGlobals()
})

const reads: [string, () => Promise<unknown>][] = [
  ['home page list', () => frontend.getLatestArticles(1)],
  ['home page 2', () => frontend.getLatestArticles(2)],
  ['tag page list', () => frontend.getArticlesByTag(tagID, 1)],
  ['author page list', () => frontend.getArticlesByAuthor(authorID, 1)],
  ['story by slug', () => frontend.getArticle(story.slug)],
  ['tag by slug', () => frontend.getTag(tagSlug)],
  ['author by slug', () => frontend.getAuthor(authorSlug)],
  ['approved comments of a story', () => frontend.getApprovedComments(story.id)],
  ['read-more links', () => frontend.getReadMore(story.id)],
  [
    'story by slug with its comment count (REST)',
    () => rest('GET', `/articles?depth=1&limit=1&where[slug][equals]=${story.slug}&joins[comments][count]=true`),
  ],
  ['a default REST list, joins and count included', () => rest('GET', '/articles?depth=1&limit=10')],
  // The admin's default list view of stories: the latest version of each, drafts included, newest first.
  [
    'the editors\' admin list (drafts, newest first)',
    () => rest('GET', '/articles?depth=0&draft=true&limit=10&page=1&sort=-publishedAt', { token: editorToken }),
  ],
  [
    'home page list (GraphQL)',
    () =>
      graphql(
        '{ Articles(limit: 10, sort: "-publishedAt") { docs { id title slug authors { name slug } tags { name slug } } } }',
      ),
  ],
]

describe('query plans of public reads', () => {
  it.each(reads)('%s: no table scan, no sort of the matching rows', async (_name, read) => {
    const statements = await captureSelects(ctx.payload, read)
    expect(statements.length).toBeGreaterThan(0)
    const problems: string[] = []
    for (const statement of statements) {
      for (const problem of await planProblems(ctx.payload, statement)) problems.push(`${problem}\n    in: ${statement.sql}`)
    }
    expect(problems).toEqual([])
  })

  it('flags a plan that sorts every published story (the rule itself can fail)', async () => {
    const problems = await planProblems(ctx.payload, {
      args: ['published'],
      sql: 'SELECT id FROM articles WHERE _status = ? ORDER BY title LIMIT 10',
    })
    expect(problems.join()).toMatch(/TEMP B-TREE FOR ORDER BY/)
    expect(await planProblems(ctx.payload, { args: [], sql: 'SELECT id FROM articles WHERE excerpt LIKE \'%x%\'' })).toEqual([
      expect.stringMatching(/^SCAN articles/),
    ])
  })
})
