import type { SQLiteAdapter } from '@payloadcms/db-sqlite'

import { sql } from '@payloadcms/db-sqlite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article, Tag } from '@/payload-types'

import { getReadMoreLinks, rebuildReadMoreCounts, type ReadMoreLink } from '@plugins/read-more'
import { buildRankQuery } from '@plugins/read-more/dialects/sqlite/rankQuery'
import { buildMissingTopicCounts } from '@plugins/read-more/hooks/buildMissingTopicCounts'
import { optionsOf } from '@plugins/read-more/utilities/optionsOf'
import { rankStatement } from '@plugins/read-more/utilities/rankRelated'
import { resolveReadMoreLinks } from '@plugins/read-more/utilities/resolveLinks'

import { bootPayload, type TestContext } from '../helpers/bootPayload'
import { graphql, rest } from '../helpers/http'
import { createStaff, type Staff } from '../helpers/staff'
import { testDialect } from '../helpers/testDatabase'

let ctx: TestContext
let staff: Staff
let authorID: number
const tag: Record<'economy' | 'internal' | 'krai' | 'politics', Tag> = {} as never
const art: Record<string, Article> = {}

const day = (date: string) => new Date(`${date}T12:00:00.000Z`).toISOString()

const publish = async (name: string, tags: Tag[], date: string, extra: Partial<Article> = {}, status: 'draft' | 'published' = 'published') => {
  art[name] = await ctx.payload.create({
    collection: 'articles',
    data: {
      _status: status,
      authors: [authorID],
      publishedAt: status === 'published' ? day(date) : undefined,
      slug: `rank-${name.toLowerCase()}`,
      tags: tags.map(({ id }) => id),
      title: `Story ${name}`,
      ...extra,
    },
    draft: status === 'draft',
    user: staff.editor.user,
  })
  return art[name]
}

/** `source:NAME` for each link, NAME being the fixture's key: readable failure messages. */
const named = (links: Pick<ReadMoreLink, 'source'>[]) =>
  links.map((link) => {
    const { collection, id } = link as { collection?: string; id?: number | string }
    const name = Object.entries(art).find(([, doc]) => collection === 'articles' && String(doc.id) === String(id))?.[0]
    return `${link.source}:${name ?? `${collection}:${id}`}`
  })

const endpoint = async (limit?: number, token?: string) => {
  const { body, status } = await rest('GET', `/articles/${art.T.id}/read-more${limit ? `?limit=${limit}` : ''}`, { token })
  expect(status).toBe(200)
  return named(body.links)
}

const counts = async () => {
  const { docs } = await ctx.payload.find({ collection: 'read-more-topic-counts', limit: 100, pagination: false })
  return Object.fromEntries(docs.filter((doc) => doc.collectionSlug === 'articles').map((doc) => [doc.topic, doc.documents]))
}

beforeAll(async () => {
  ctx = await bootPayload()
  staff = await createStaff(ctx.payload)
  const { payload } = ctx
  authorID = (await payload.create({ collection: 'authors', data: { name: 'Rank Byline', slug: 'rank-byline' } })).id
  tag.politics = await payload.create({ collection: 'tags', data: { name: 'Politics', slug: 'politics' } })
  tag.krai = await payload.create({ collection: 'tags', data: { name: 'Primorsky Krai', slug: 'primorsky-krai' } })
  tag.economy = await payload.create({ collection: 'tags', data: { name: 'Economy', slug: 'economy' } })
  tag.internal = await payload.create({ collection: 'tags', data: { name: 'Desk notes', internal: true, slug: 'desk-notes' } })
  // Politics is on 25 published stories, Economy on 5, Primorsky Krai on 3: the rarer, the heavier.
  for (let i = 1; i <= 20; i++) await publish(`P${i}`, [tag.politics], `2024-01-${String(i).padStart(2, '0')}`)
  await publish('I1', [tag.economy], '2023-12-01')
  await publish('I2', [tag.economy], '2023-12-02')
  await publish('F', [tag.krai, tag.politics], '2024-01-15')
  await publish('A', [tag.krai], '2024-02-01')
  await publish('H', [tag.economy], '2024-02-10')
  await publish('G', [tag.politics, tag.economy], '2024-02-20')
  await publish('B', [tag.politics], '2024-03-01')
  await publish('C', [tag.politics], '2024-03-02')
  await publish('D', [tag.internal], '2024-03-05')
  await publish('E', [tag.krai], '', {}, 'draft')
  await publish('T', [tag.politics, tag.krai, tag.economy, tag.internal], '2024-03-10', {
    readMore: [{ type: 'internal', doc: { relationTo: 'articles', value: art.G.id } }],
  })
})
afterAll(async () => ctx?.shutdown())

describe('read-more automatic links', () => {
  it('keeps exact topic counts of published stories, the draft and nothing else excluded', async () => {
    expect(await counts()).toEqual({
      '*': 30,
      [tag.economy.id]: 5,
      [tag.internal.id]: 2,
      [tag.krai.id]: 3,
      [tag.politics.id]: 25,
    })
  })

  it('ranks a rare shared topic above a common one, then by the newer publishedAt, after the curated links', async () => {
    // F shares Krai and Politics; A only Krai (older than C); H, I2, I1 only Economy (ties, newest first);
    // C and B only Politics (C newer). G is curated, so it is not repeated; D shares only an internal tag.
    expect(await endpoint()).toEqual(['curated:G', 'auto:F', 'auto:A', 'auto:H', 'auto:I2'])
    expect(await endpoint(10)).toEqual([
      'curated:G',
      'auto:F',
      'auto:A',
      'auto:H',
      'auto:I2',
      'auto:I1',
      'auto:C',
      'auto:B',
      'auto:P20',
      'auto:P19',
    ])
  })

  it('returns the same links over GraphQL and the Local API, for the public and for staff', async () => {
    const expected = await endpoint(10)
    const query = `query($id: Int!) { ReadMore(collection: "articles", id: $id, limit: 10) { kind source title collection id slug url } }`
    for (const token of [undefined, staff.editor.token]) {
      const { body } = await graphql<{ ReadMore: ReadMoreLink[] }>(query, { id: art.T.id }, token)
      expect(named(body.data!.ReadMore)).toEqual(expected)
      expect(await endpoint(10, token)).toEqual(expected)
    }
    for (const user of [null, staff.admin.user]) {
      expect(named(await getReadMoreLinks({ id: art.T.id, collection: 'articles', limit: 10, payload: ctx.payload, user }))).toEqual(expected)
    }
    const first = (await rest('GET', `/articles/${art.T.id}/read-more`)).body.links[1]
    // F shares Politics (25 stories) and Primorsky Krai (3) with T: the rarer one is its context.
    expect(first).toEqual({
      collection: 'articles',
      context: { name: 'Primorsky Krai', slug: 'primorsky-krai' },
      excerpt: null,
      id: art.F.id,
      image: null,
      kind: 'internal',
      publishedAt: '2024-01-15T12:00:00.000Z',
      slug: 'rank-f',
      source: 'auto',
      title: 'Story F',
    })
    // The curated G shares Politics and Economy (5): Economy; the internal tag is never a context.
    const curated = (await rest('GET', `/articles/${art.T.id}/read-more`)).body.links[0]
    expect(curated).toMatchObject({ context: { name: 'Economy', slug: 'economy' }, id: art.G.id, source: 'curated' })
  })

  it('never links the story itself, a curated duplicate, a draft, or a story sharing only an internal tag', async () => {
    const all = [...(await endpoint(20)), ...(await endpoint(20, staff.admin.token))]
    for (const name of ['T', 'E', 'D']) expect(all).not.toContain(`auto:${name}`)
    expect(all.filter((link) => link.endsWith(':G'))).toEqual(['curated:G', 'curated:G'])
  })

  it('defaults limit to maxLinks and caps it at 20', async () => {
    expect(await endpoint()).toHaveLength(5)
    expect(await endpoint(50)).toHaveLength(20)
    expect(await getReadMoreLinks({ id: art.T.id, collection: 'articles', limit: 50, payload: ctx.payload })).toHaveLength(20)
  })

  it('fills nothing automatically when auto is off', async () => {
    const options = { ...optionsOf(ctx.payload, 'articles'), auto: false }
    const links = await resolveReadMoreLinks({ id: art.T.id, collection: 'articles', limit: 10, options, payload: ctx.payload, user: null })
    expect(named(links)).toEqual(['curated:G'])
  })

  it('follows a publish, an unpublish, a retag and a delete at once, in links and counts', async () => {
    const { payload } = ctx
    await rest('PATCH', `/articles/${art.E.id}`, { body: { _status: 'published', publishedAt: day('2024-03-08') }, token: staff.editor.token })
    expect((await counts())[tag.krai.id]).toBe(4)
    // E and A now share the same weight: the newer E comes first.
    expect(await endpoint()).toEqual(['curated:G', 'auto:F', 'auto:E', 'auto:A', 'auto:H'])

    await rest('PATCH', `/articles/${art.F.id}`, { body: { _status: 'draft' }, token: staff.editor.token })
    expect(await counts()).toMatchObject({ '*': 30, [tag.krai.id]: 3, [tag.politics.id]: 24 })
    expect(await endpoint()).toEqual(['curated:G', 'auto:E', 'auto:A', 'auto:H', 'auto:I2'])
    expect(await endpoint(20, staff.editor.token)).not.toContain('auto:F')

    await payload.update({ collection: 'articles', data: { tags: [tag.politics.id] }, id: art.A.id, user: staff.editor.user })
    expect(await counts()).toMatchObject({ [tag.krai.id]: 2, [tag.politics.id]: 25 })
    expect(await endpoint()).toEqual(['curated:G', 'auto:E', 'auto:H', 'auto:I2', 'auto:I1'])

    await rest('DELETE', `/articles/${art.H.id}`, { token: staff.editor.token })
    expect(await counts()).toMatchObject({ '*': 29, [tag.economy.id]: 4 })
    expect(await endpoint()).toEqual(['curated:G', 'auto:E', 'auto:I2', 'auto:I1', 'auto:C'])

    // A draft saved over a published story changes nothing the public sees.
    await payload.update({ collection: 'articles', data: { tags: [tag.economy.id] }, draft: true, id: art.E.id, user: staff.editor.user })
    expect((await counts())[tag.krai.id]).toBe(2)
    expect(await endpoint()).toEqual(['curated:G', 'auto:E', 'auto:I2', 'auto:I1', 'auto:C'])
    // Publishing that draft moves E from Krai to Economy, though the save before it was a draft.
    await payload.update({ collection: 'articles', data: { _status: 'published' }, id: art.E.id, user: staff.editor.user })
    expect(await counts()).toMatchObject({ [tag.economy.id]: 5, [tag.krai.id]: 1 })
  })

  it('rebuilds to the same counts the hooks kept, and builds missing counts at start-up', async () => {
    const kept = await counts()
    await rebuildReadMoreCounts({ collection: 'articles', payload: ctx.payload })
    expect(await counts()).toEqual(kept)
    // As when the plugin is installed on an archive that already has stories.
    await ctx.payload.delete({ collection: 'read-more-topic-counts', where: { collectionSlug: { equals: 'articles' } } })
    expect(await counts()).toEqual({})
    await buildMissingTopicCounts(ctx.payload, optionsOf(ctx.payload, 'articles'))
    expect(await counts()).toEqual(kept)
  })

  // SQLite's plan; PostgreSQL's is checked at scale by its own query-plan test.
  it.skipIf(testDialect !== 'sqlite')('ranks with the read-more indexes only, never walking a whole topic or path', async () => {
    const options = optionsOf(ctx.payload, 'articles')
    const topics = [tag.politics.id, tag.krai.id, tag.economy.id]
    const statement = await rankStatement({ exclude: [art.T.id], limit: 10, options, payload: ctx.payload, slug: 'articles', topics })
    const db = (ctx.payload.db as unknown as SQLiteAdapter).drizzle
    const plan = (await db.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${buildRankQuery(statement!)}`)).map(({ detail }) => detail)
    const onRels = plan.filter((line) => / r\b/.test(line))
    expect(onRels).toEqual([
      ...topics.map(() => 'SEARCH r USING COVERING INDEX articles_rels_read_more_topic_idx (tags_id=? AND path=?)'),
      'SEARCH r USING COVERING INDEX articles_rels_read_more_parent_idx (parent_id=? AND path=?)',
    ])
    expect(plan.filter((line) => / a\b/.test(line))).toEqual(['SEARCH a USING INTEGER PRIMARY KEY (rowid=?)'])
  })

  it('keeps the counts collection out of every API', async () => {
    for (const token of [undefined, staff.admin.token]) {
      expect((await rest('GET', '/read-more-topic-counts', { token })).status).toBe(403)
    }
    const { body } = await graphql('{ ReadMoreTopicCounts { docs { id } } }', {}, staff.admin.token)
    expect(body.errors?.[0]?.message).toMatch(/Cannot query field "ReadMoreTopicCounts"/)
  })
})
