import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article, Tag } from '@/payload-types'

import { similarStories } from '@/search/similarStories'
import { type ReadMoreLink, type ReadMoreOptions } from '@plugins/read-more'
import { optionsOf } from '@plugins/read-more/utilities/optionsOf'
import { resolveReadMoreLinks } from '@plugins/read-more/utilities/resolveLinks'
import { sanitizeOptions } from '@plugins/read-more/utilities/sanitizeOptions'

import { bootPayload, type TestContext } from '../helpers/bootPayload'
import { createStaff, type Staff } from '../helpers/staff'

// The ranking options on the project's own collections, through the plugin's code path with the
// options varied per call (the project installs the plugin with the defaults).
let ctx: TestContext
let staff: Staff
let authorID: number
const tag: Record<'harbour' | 'politics' | 'sponsored', Tag> = {} as never
const art: Record<string, Article> = {}

const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString()

const story = async (name: string, title: string, tags: Tag[], age: number, status: 'draft' | 'published' = 'published') => {
  art[name] = await ctx.payload.create({
    collection: 'articles',
    data: {
      _status: status,
      authors: [authorID],
      excerpt: `${title}.`,
      publishedAt: status === 'published' ? daysAgo(age) : undefined,
      slug: `options-${name.toLowerCase()}`,
      tags: tags.map(({ id }) => id),
      title,
    },
    draft: status === 'draft',
    user: staff.editor.user,
  })
}

/** The links under S, as the public gets them, with `options` over the project's own. */
const resolveS = (options: ReadMoreOptions = {}, limit = 20) =>
  resolveReadMoreLinks({
    id: art.S.id,
    collection: 'articles',
    limit,
    options: sanitizeOptions({ ...optionsOf(ctx.payload, 'articles'), ...options } as ReadMoreOptions),
    payload: ctx.payload,
    user: null,
  })

/** `source:NAME` for each link under S, NAME being the fixture's key: readable failure messages. */
const linksOfS = async (options?: ReadMoreOptions) =>
  (await resolveS(options)).map((link) => {
    const { id } = link as { id?: number }
    return `${link.source}:${Object.entries(art).find(([, doc]) => doc.id === id)?.[0] ?? id}`
  })

const contextsOfS = async (options: ReadMoreOptions) =>
  (await resolveS(options)).map((link) => (link as Extract<ReadMoreLink, { kind: 'internal' }>).context?.slug)

beforeAll(async () => {
  ctx = await bootPayload()
  staff = await createStaff(ctx.payload)
  const { payload } = ctx
  authorID = (await payload.create({ collection: 'authors', data: { name: 'Options Byline', slug: 'options-byline' } })).id
  tag.politics = await payload.create({ collection: 'tags', data: { name: 'Politics', slug: 'politics' } })
  tag.harbour = await payload.create({ collection: 'tags', data: { name: 'Harbour', slug: 'harbour' } })
  tag.sponsored = await payload.create({ collection: 'tags', data: { name: 'Sponsored', slug: 'sponsored' } })
  // Politics is on 8 of the 14 published stories (weight ln(1 + 14/8) = 1.01), Harbour on 4 (1.50),
  // Sponsored on 3 (1.73).
  for (let i = 1; i <= 6; i++) await story(`P${i}`, `Council vote number ${i}`, [tag.politics], i)
  await story('A', 'Cranes repaired at the container terminal', [tag.harbour], 3)
  await story('Old', 'Cranes ordered for the container terminal', [tag.harbour], 400)
  await story('B', 'Terminal tour for advertisers', [tag.harbour, tag.sponsored], 1)
  await story('C', 'Advertising feature on shipping insurance', [tag.sponsored], 2)
  await story('Text', 'Dockers strike spreads to a second port', [], 4)
  await story('TextOld', 'Dockers strike of 1990 remembered', [], 500)
  await story('TextPolitics', 'Ministers meet dockers over strike', [tag.politics], 20)
  await story('Draft', 'Dockers strike: draft notes', [], 0, 'draft')
  await story('S', 'Dockers strike halts cranes at harbour', [tag.harbour, tag.politics, tag.sponsored], 0)
})
afterAll(async () => ctx?.shutdown())

describe('read-more ranking options', () => {
  it('ranks by shared topics alone by default, whatever the age', async () => {
    expect(await linksOfS()).toEqual([
      'auto:B', // Harbour and Sponsored
      'auto:C', // Sponsored
      'auto:A', // Harbour, newer than Old
      'auto:Old',
      'auto:P1', // Politics, newest first
      'auto:P2',
      'auto:P3',
      'auto:P4',
      'auto:P5',
      'auto:P6',
      'auto:TextPolitics',
    ])
  })

  it('excludeTags: never suggests a story carrying the topic, and the topic counts for nothing', async () => {
    const links = await linksOfS({ excludeTags: ['sponsored'] })
    expect(links).not.toContain('auto:B')
    expect(links).not.toContain('auto:C')
    expect(links.slice(0, 2)).toEqual(['auto:A', 'auto:Old'])
    expect(await contextsOfS({ excludeTags: ['sponsored'] })).not.toContain('sponsored')
    // A slug that names no topic excludes nothing.
    expect(await linksOfS({ excludeTags: ['no-such-topic'] })).toEqual(await linksOfS())
  })

  it('maxAgeDays: only stories dated within that many days', async () => {
    const links = await linksOfS({ maxAgeDays: 10 })
    expect(links).not.toContain('auto:Old')
    expect(links).not.toContain('auto:TextPolitics')
    expect(links).toContain('auto:A')
    expect(links).toContain('auto:P6')
  })

  it('minScore: drops stories whose shared topics weigh less', async () => {
    // Politics alone weighs 1.01, Harbour alone 1.50, Sponsored alone 1.73.
    expect(await linksOfS({ minScore: 1.2 })).toEqual(['auto:B', 'auto:C', 'auto:A', 'auto:Old'])
    expect(await linksOfS({ minScore: 1.6 })).toEqual(['auto:B', 'auto:C'])
    expect(await linksOfS({ minScore: 100 })).toEqual([])
  })

  it('similarText: fills the room the topics leave with stories alike in words, published ones only', async () => {
    const links = await linksOfS({ minScore: 1.2, similarText: similarStories })
    // The topic links first, as without it; then stories sharing no topic but "dockers" and "strike".
    expect(links.slice(0, 4)).toEqual(['auto:B', 'auto:C', 'auto:A', 'auto:Old'])
    expect(links.slice(4)).toEqual(expect.arrayContaining(['auto:Text', 'auto:TextOld', 'auto:TextPolitics']))
    expect(links).not.toContain('auto:Draft')
    expect(new Set(links).size).toBe(links.length)
    // maxAgeDays and excludeTags hold for the stories it names too.
    const recent = await linksOfS({ maxAgeDays: 10, minScore: 1.2, similarText: similarStories })
    expect(recent).toContain('auto:Text')
    expect(recent).not.toContain('auto:TextOld')
    expect(recent).not.toContain('auto:TextPolitics')
    const unsponsored = await linksOfS({ excludeTags: ['sponsored'], minScore: 1.6, similarText: similarStories })
    expect(unsponsored).not.toContain('auto:B')
    expect(unsponsored).not.toContain('auto:C')
    expect(unsponsored).toContain('auto:Text')
  })

  it('similarText: a story that is not published has no similar stories', async () => {
    const similar = await similarStories({ collection: 'articles', exclude: [], id: art.Draft.id, limit: 5, payload: ctx.payload })
    expect(similar).toEqual([])
    const ofS = await similarStories({ collection: 'articles', exclude: [art.S.id], id: art.S.id, limit: 20, payload: ctx.payload })
    expect(ofS).toEqual(expect.arrayContaining([art.Text.id, art.TextOld.id, art.TextPolitics.id, art.A.id, art.Old.id]))
    expect(ofS).not.toContain(art.S.id)
    expect(ofS).not.toContain(art.Draft.id)
  })
})
