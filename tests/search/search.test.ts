import { beforeAll, describe, expect, it } from 'vitest'

import { richText } from '@/seed/lexical'
import { searchDialect } from '@/search/dialects'
import { backfillIndex } from '@/search/reindex'

import { graphql, rest } from '../helpers/http'
import { useStaffPayload } from '../helpers/staff'

const { ctx, staff } = useStaffPayload()

let authorID: number
let publicTagID: number
let internalTagID: number

beforeAll(async () => {
  authorID = (await ctx.payload.create({ collection: 'authors', data: { name: 'Ingrid Vasquez', slug: 'ingrid-vasquez' } })).id
  publicTagID = (await ctx.payload.create({ collection: 'tags', data: { name: 'Waterways', slug: 'waterways' } })).id
  internalTagID = (await ctx.payload.create({ collection: 'tags', data: { name: 'Embargoed', internal: true, slug: 'embargoed' } })).id
})

type Story = { body?: string[]; excerpt?: string; status?: 'draft' | 'published'; tags?: number[]; title: string }

const write = async ({ body = [], excerpt, status = 'published', tags = [], title }: Story): Promise<number> => {
  const { body: answer, status: code } = await rest('POST', '/articles', {
    body: { _status: status, authors: [authorID], content: richText(body), excerpt, tags, title },
    token: staff.editor.token,
  })
  expect(code, JSON.stringify(answer)).toBe(201)
  return answer.doc.id
}

const search = async (query: string) => {
  const { body, headers, status } = await rest('GET', `/search?${query}`)
  return { body, headers, status }
}

const idsFor = async (q: string): Promise<number[]> => {
  const { body, status } = await search(`q=${encodeURIComponent(q)}&limit=100`)
  expect(status, JSON.stringify(body)).toBe(200)
  return body.docs.map(({ id }: { id: number }) => id)
}

describe('search: GET /api/search', () => {
  it('ranks the story about the words above those that only mention them, in Payload list shape', async () => {
    const best = await write({ excerpt: 'Crews on the night crossing.', title: 'Ferry strike halts the lagoon crossing' })
    const mention = await write({ body: ['The council met. A ferry strike was mentioned in passing.'], title: 'Council budget approved' })
    const { body } = await search('q=ferry%20strike')
    expect(body.docs.map(({ id }: { id: number }) => id).slice(0, 2)).toEqual([best, mention])
    expect(body).toMatchObject({ hasPrevPage: false, limit: 10, page: 1, pagingCounter: 1, prevPage: null })
    expect(body.totalDocs).toBeGreaterThanOrEqual(2)
    expect(Object.keys(body.docs[0]).sort()).toEqual(['excerpt', 'id', 'slug', 'snippet', 'title'])
    expect(body.docs[0]).toMatchObject({ excerpt: 'Crews on the night crossing.', title: 'Ferry strike halts the lagoon crossing' })
    expect(body.docs[0].slug).toBe('ferry-strike-halts-the-lagoon-crossing')
    expect(body.docs[0].snippet).toContain('<mark>Ferry</mark> <mark>strike</mark>')
  })

  it('finds words in the title, excerpt, body, public tag names and author names, stemmed and by prefix', async () => {
    const id = await write({
      body: ['Dredgers worked through the night on the silted channel.'],
      excerpt: 'Harbourmasters warn of delays.',
      tags: [publicTagID],
      title: 'Canal reopens after dredging',
    })
    for (const q of ['canal', 'harbourmaster', 'silted channel', 'waterways', 'vasquez', 'dredger', 'chann']) {
      expect(await idsFor(q), q).toContain(id)
    }
  })

  it('never finds a draft, the draft of a published story, an internal tag, or a story once unpublished or deleted', async () => {
    const draft = await write({ status: 'draft', title: 'Zeppelin draft never published' })
    expect(await idsFor('zeppelin')).not.toContain(draft)

    const story = await write({ tags: [internalTagID], title: 'Quarry expansion approved' })
    expect(await idsFor('quarry')).toEqual([story])
    expect(await idsFor('embargoed')).not.toContain(story)

    // A newer draft is not what the public reads: the published words stay searchable, the draft's are not.
    const saved = await rest('PATCH', `/articles/${story}?draft=true`, { body: { title: 'Marmot colony relocated' }, token: staff.editor.token })
    expect(saved.status).toBe(200)
    expect(await idsFor('quarry')).toEqual([story])
    expect(await idsFor('marmot')).toEqual([])

    const unpublished = await rest('PATCH', `/articles/${story}`, { body: { _status: 'draft' }, token: staff.editor.token })
    expect(unpublished.status).toBe(200)
    expect(await idsFor('quarry')).toEqual([])

    const again = await write({ title: 'Quarry appeal lodged' })
    expect(await idsFor('quarry')).toEqual([again])
    expect((await rest('DELETE', `/articles/${again}`, { token: staff.editor.token })).status).toBe(200)
    expect(await idsFor('quarry')).toEqual([])
  })

  it('follows a renamed tag, a tag made internal and a deleted tag on the stories that carry it', async () => {
    const tag = (await ctx.payload.create({ collection: 'tags', data: { name: 'Lighthouses', slug: 'lighthouses' } })).id
    const story = await write({ tags: [tag], title: 'Keeper retires after forty years' })
    expect(await idsFor('lighthouses')).toEqual([story])

    await rest('PATCH', `/tags/${tag}`, { body: { name: 'Beacons' }, token: staff.editor.token })
    expect(await idsFor('lighthouses')).toEqual([])
    expect(await idsFor('beacons')).toEqual([story])

    await rest('PATCH', `/tags/${tag}`, { body: { internal: true }, token: staff.editor.token })
    expect(await idsFor('beacons')).toEqual([])

    await rest('PATCH', `/tags/${tag}`, { body: { internal: false }, token: staff.editor.token })
    expect(await idsFor('beacons')).toEqual([story])
    expect((await rest('DELETE', `/tags/${tag}`, { token: staff.editor.token })).status).toBe(200)
    expect(await idsFor('beacons')).toEqual([])
    expect(await idsFor('keeper')).toEqual([story])
  })

  it('pages through the hits, at most 100 per page', async () => {
    const ids: number[] = []
    for (let index = 0; index < 5; index++) ids.push(await write({ title: `Regatta heat ${index}` }))
    const first = await search('q=regatta&limit=2')
    expect(first.body).toMatchObject({ hasNextPage: true, limit: 2, nextPage: 2, page: 1, totalDocs: 5, totalPages: 3 })
    const last = await search('q=regatta&limit=2&page=3')
    expect(last.body).toMatchObject({ hasNextPage: false, hasPrevPage: true, nextPage: null, page: 3, pagingCounter: 5, prevPage: 2 })
    expect(last.body.docs).toHaveLength(1)
    const all = [...first.body.docs, ...(await search('q=regatta&limit=2&page=2')).body.docs, ...last.body.docs]
    expect(all.map(({ id }: { id: number }) => id).sort()).toEqual([...ids].sort())
    expect((await search('q=regatta&limit=500')).body.limit).toBe(100)
    expect((await search('q=nothingmatchesthis')).body).toMatchObject({ docs: [], totalDocs: 0, totalPages: 1 })
  })

  it('answers a bad argument with a 400 naming it, and query syntax as plain words', async () => {
    for (const [query, name] of [
      ['', 'q'],
      ['q=', 'q'],
      ['q=%20%20', 'q'],
      ['q=***', 'q'],
      [`q=${'a'.repeat(201)}`, 'q'],
      ['q=ferry&limit=0', 'limit'],
      ['q=ferry&limit=ten', 'limit'],
      ['q=ferry&page=0', 'page'],
      ['q=ferry&page=1e30', 'page'],
    ]) {
      const { body, status } = await search(query)
      expect(status, query).toBe(400)
      expect(body.errors[0].message, query).toMatch(new RegExp(`^${name} `))
    }
    for (const q of ['"unbalanced', 'ferry*', 'NEAR(ferry strike)', 'ferry OR -strike', 'title:ferry', "'; DROP TABLE articles; --"]) {
      expect((await search(`q=${encodeURIComponent(q)}`)).status, q).toBe(200)
    }
  })

  it('escapes the stored text in snippets: only the <mark> is markup', async () => {
    await write({ body: ['The sign read <script>alert("otter")</script> & nothing else.'], title: 'Otter sanctuary sign vandalised' })
    const { body } = await search('q=otter%20sign')
    const { snippet } = body.docs[0]
    expect(snippet).not.toContain('<script>')
    expect(snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/)
  })

  it('is cacheable for the public and private with credentials', async () => {
    expect((await search('q=ferry')).headers.get('cache-control')).toMatch(/^public/)
    const staffRead = await rest('GET', '/search?q=ferry', { token: staff.editor.token })
    expect(staffRead.status).toBe(200)
    expect(staffRead.headers.get('cache-control')).toBe('private, no-store')
  })

  it('fills an empty index from the published stories at start-up', async () => {
    const story = await write({ title: 'Glacier retreat measured' })
    const { payload } = ctx
    await searchDialect(payload).remove({ payload }, story)
    expect(await idsFor('glacier')).toEqual([])
    // Not empty: the other stories are still indexed, so nothing happens.
    await backfillIndex(payload)
    expect(await idsFor('glacier')).toEqual([])
    const { docs } = await payload.find({ collection: 'articles', draft: false, limit: 0, pagination: false, select: {} })
    for (const { id } of docs) await searchDialect(payload).remove({ payload }, id)
    await backfillIndex(payload)
    expect(await idsFor('glacier')).toEqual([story])
    expect(await idsFor('ferry')).not.toEqual([])
  })
})

describe('search: the GraphQL Search query', () => {
  it('answers as REST does', async () => {
    const id = await write({ excerpt: 'Volunteers counted the flock.', title: 'Puffin census breaks record' })
    const { body } = await graphql(
      'query ($q: String!) { Search(q: $q, limit: 5) { docs { id slug title excerpt snippet } totalDocs page limit hasNextPage } }',
      { q: 'puffin' },
    )
    expect(body.errors).toBeUndefined()
    expect(body.data.Search).toEqual({
      docs: [{ id, excerpt: 'Volunteers counted the flock.', slug: 'puffin-census-breaks-record', snippet: expect.stringContaining('<mark>Puffin</mark>'), title: 'Puffin census breaks record' }],
      hasNextPage: false,
      limit: 5,
      page: 1,
      totalDocs: 1,
    })
  })

  it('refuses bad arguments with an error naming them', async () => {
    const { body } = await graphql('{ Search(q: "puffin", limit: -1) { totalDocs } }')
    expect(body.errors?.[0].message).toMatch(/^limit /)
    const empty = await graphql('{ Search(q: "") { totalDocs } }')
    expect(empty.body.errors?.[0].message).toMatch(/^q /)
  })
})
