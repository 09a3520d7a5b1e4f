/**
 * Internal links in rich text name documents by id. A link to a draft story or an internal tag,
 * in a published story's body, must reach the public as plain text, without the id, on REST,
 * GraphQL and the Local API, at every depth, and inside stories populated as read-more targets or
 * as other stories' link targets. Staff, and trusted system work, still get the link.
 */
import type { Article, Author, Tag } from '@/payload-types'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { bootPayload, type TestContext } from '../helpers/bootPayload'
import { graphql, rest } from '../helpers/http'
import { createStaff, type Staff } from '../helpers/staff'
import { editorState, internalLink, paragraph, text } from '../richText/lexical'

const DEPTHS = [0, 1, 2] as const

let ctx: TestContext
let staff: Staff
let author: Author
let publicTag: Tag
let internalTag: Tag
let neighbour: Article
let draft: Article
/** Published; its body links to everything above. */
let source: Article
/** Published; its read-more list links to `source`. */
let host: Article
/** Published; its body links to `source`. */
let chain: Article

type Found = { target: string; words: string }

/** Every internal link anywhere in a response, as `collection:id` (populated or not) with its words. */
const internalLinks = (value: unknown): Found[] => {
  if (Array.isArray(value)) return value.flatMap(internalLinks)
  if (typeof value !== 'object' || value === null) return []
  const node = value as Record<string, any>
  const own: Found[] = []
  const doc = node.fields?.doc
  if (node.type === 'link' && doc) {
    const id = typeof doc.value === 'object' && doc.value !== null ? doc.value.id : doc.value
    own.push({ target: `${doc.relationTo}:${id}`, words: (node.children ?? []).map((child: { text?: string }) => child.text).join('') })
  }
  return [...own, ...Object.values(node).flatMap(internalLinks)]
}

const hidden = () => [`articles:${draft.id}`, `tags:${internalTag.id}`]
const readable = () => [`articles:${neighbour.id}`, `tags:${publicTag.id}`, `authors:${author.id}`]

/** What a stranger must never get: a hidden target's id in a link, or any of its text. */
const leaksIn = (label: string, body: unknown): string[] => {
  const problems = internalLinks(body)
    .filter(({ target }) => hidden().includes(target))
    .map(({ target, words }) => `${label}: a link to ${target} ("${words}")`)
  if (JSON.stringify(body).includes('SECRET')) problems.push(`${label}: contains SECRET`)
  return problems
}

/** The words of every link and of the text around them in `source`'s body, found anywhere in the response. */
const keepsWords = (body: unknown) => {
  const json = JSON.stringify(body)
  return ['the coming story', 'desk notes', 'the neighbour'].every((words) => json.includes(words))
}

beforeAll(async () => {
  ctx = await bootPayload()
  const { payload } = ctx
  staff = await createStaff(payload)
  author = await payload.create({ collection: 'authors', data: { name: 'Ada Linker', slug: 'ada-linker' } })
  publicTag = await payload.create({ collection: 'tags', data: { name: 'Harbour', slug: 'harbour' } })
  internalTag = await payload.create({ collection: 'tags', data: { internal: true, name: 'SECRET-INTERNAL-TAG', slug: 'secret-internal-tag' } })
  const story = (title: string, slug: string, extra: Partial<Article> = {}) =>
    payload.create({ collection: 'articles', data: { _status: 'published', authors: [author.id], slug, title, ...extra } as Article })
  neighbour = await story('Published neighbour', 'published-neighbour')
  draft = await payload.create({
    collection: 'articles',
    data: { _status: 'draft', authors: [author.id], excerpt: 'SECRET-DRAFT-EXCERPT', slug: 'secret-draft-story', title: 'SECRET-DRAFT-STORY' },
    draft: true,
  })
  source = await story('Linking story', 'linking-story', {
    content: editorState(
      paragraph(
        text('See '),
        internalLink('articles', neighbour.id, 'the neighbour'),
        text(', '),
        internalLink('articles', draft.id, 'the coming story'),
        text(', '),
        internalLink('tags', publicTag.id, 'harbour news'),
        text(', '),
        internalLink('tags', internalTag.id, 'desk notes'),
        text(' and '),
        internalLink('authors', author.id, 'our reporter'),
        text('.'),
      ),
    ) as Article['content'],
  })
  host = await story('Read-more host', 'read-more-host', { readMore: [{ type: 'internal', doc: { relationTo: 'articles', value: source.id } }] })
  chain = await story('Chain story', 'chain-story', {
    content: editorState(paragraph(internalLink('articles', source.id, 'the linking story'))) as Article['content'],
  })
})
afterAll(async () => ctx?.shutdown())

describe('internal links in rich text: the public', () => {
  it('REST: a link to a draft or an internal tag is plain text at every depth, in lists, read-more targets and linked stories', async () => {
    const problems: string[] = []
    for (const depth of DEPTHS) {
      for (const path of [
        `/articles/${source.id}?depth=${depth}`,
        `/articles?depth=${depth}&limit=100`,
        `/articles?where[slug][equals]=linking-story&depth=${depth}`,
        `/articles/${host.id}?depth=${depth}`,
        `/articles/${chain.id}?depth=${depth}`,
        // Populated stories are lean by default (defaultPopulate); a reader may ask for their bodies.
        `/articles/${host.id}?depth=${depth}&populate[articles][content]=true`,
        `/articles/${chain.id}?depth=${depth}&populate[articles][content]=true`,
      ]) {
        const { body, status } = await rest('GET', path)
        expect(status, path).toBe(200)
        problems.push(...leaksIn(`GET ${path}`, body))
      }
    }
    expect(problems).toEqual([])
    // The reader keeps the words, in `source` and in the stories that carry its body at depth ≥ 1.
    for (const path of [
      `/articles/${source.id}?depth=0`,
      `/articles/${host.id}?depth=1&populate[articles][content]=true`,
      `/articles/${chain.id}?depth=1&populate[articles][content]=true`,
    ]) {
      expect(keepsWords((await rest('GET', path)).body), path).toBe(true)
    }
  })

  it('REST: links to readable documents stay, as bare ids at depth 0 and populated from depth 1', async () => {
    const bare = await rest('GET', `/articles/${source.id}?depth=0`)
    expect(internalLinks(bare.body)).toEqual([
      { target: `articles:${neighbour.id}`, words: 'the neighbour' },
      { target: `tags:${publicTag.id}`, words: 'harbour news' },
      { target: `authors:${author.id}`, words: 'our reporter' },
    ])
    expect(JSON.stringify(bare.body.content)).toContain(`"value":${neighbour.id}`)
    const populated = await rest('GET', `/articles/${source.id}?depth=1`)
    const values = JSON.stringify(populated.body.content)
    for (const slug of ['published-neighbour', 'harbour', 'ada-linker']) expect(values).toContain(`"slug":"${slug}"`)
  })

  it('GraphQL: a link to a draft or an internal tag is plain text at every rich text depth, in read-more targets too', async () => {
    const problems: string[] = []
    for (const depth of DEPTHS) {
      const queries = [
        { query: `query($id: Int!) { Article(id: $id) { content(depth: ${depth}) } }`, variables: { id: source.id } },
        { query: `{ Articles(limit: 10) { docs { id content(depth: ${depth}) } } }`, variables: {} },
        {
          query: `query($id: Int!) { Article(id: $id) { readMore { doc { relationTo value { ... on Article { id content(depth: ${depth}) } } } } } }`,
          variables: { id: host.id },
        },
      ]
      for (const { query, variables } of queries) {
        const { body } = await graphql(query, variables)
        expect(body.errors ?? [], query).toEqual([])
        problems.push(...leaksIn(query, body))
      }
    }
    expect(problems).toEqual([])
    const { body } = await graphql(`query($id: Int!) { Article(id: $id) { content(depth: 0) } }`, { id: source.id })
    expect(internalLinks(body).map(({ target }) => target)).toEqual(readable())
    expect(keepsWords(body)).toBe(true)
  })

  it('Local API with overrideAccess: false and no user: plain text at every depth', async () => {
    const { payload } = ctx
    const problems: string[] = []
    for (const depth of DEPTHS) {
      problems.push(...leaksIn(`find depth ${depth}`, await payload.find({ collection: 'articles', depth, limit: 100, overrideAccess: false })))
      for (const id of [source.id, host.id, chain.id]) {
        problems.push(...leaksIn(`findByID ${id} depth ${depth}`, await payload.findByID({ collection: 'articles', depth, id, overrideAccess: false })))
      }
    }
    expect(problems).toEqual([])
  })

  it('checks the targets of one document with one query per target collection, not one per link', async () => {
    const find = vi.spyOn(ctx.payload, 'find')
    try {
      await ctx.payload.findByID({ collection: 'articles', depth: 0, id: source.id, overrideAccess: false })
      const checks = find.mock.calls
        .map(([args]) => args as { collection: string; where?: { id?: { in?: unknown[] } } })
        .filter(({ collection, where }) => ['articles', 'authors', 'tags'].includes(collection) && where?.id?.in)
        .map(({ collection, where }) => `${collection}:${where!.id!.in!.length}`)
      expect(checks.sort()).toEqual(['articles:2', 'authors:1', 'tags:2'])
    } finally {
      find.mockRestore()
    }
  })
})

describe('internal links in rich text: no probing through filters', () => {
  it('refuses a text search in the stored body (which holds link ids), on REST and GraphQL, naming the field', async () => {
    for (const operator of ['like', 'contains', 'not_like']) {
      const { body, status } = await rest('GET', `/articles?where[content][${operator}]=${draft.id}`)
      expect(status, operator).toBe(400)
      expect(body.errors[0].message).toContain(`where[content][${operator}] cannot search a richText field's text`)
    }
    const { body } = await graphql(`{ Articles(limit: 1, pagination: false, where: { content: { like: "${draft.id}" } }) { docs { id } } }`)
    expect(body.data?.Articles ?? null).toBeNull()
    expect(body.errors?.[0]?.message).toContain("cannot search a richText field's text")
  })
})

describe('internal links in rich text: staff and trusted work', () => {
  it('staff still get every link, populated with the draft and the internal tag', async () => {
    const everything = [`articles:${neighbour.id}`, `articles:${draft.id}`, `tags:${publicTag.id}`, `tags:${internalTag.id}`, `authors:${author.id}`]
    for (const role of ['editor', 'contributor'] as const) {
      const bare = await rest('GET', `/articles/${source.id}?depth=0`, { token: staff[role].token })
      expect(internalLinks(bare.body).map(({ target }) => target)).toEqual(everything)
      const populated = await rest('GET', `/articles/${source.id}?depth=1`, { token: staff[role].token })
      expect(JSON.stringify(populated.body.content)).toContain('SECRET-DRAFT-STORY')
      const { body } = await graphql(`query($id: Int!) { Article(id: $id) { content(depth: 0) } }`, { id: source.id }, staff[role].token)
      expect(internalLinks(body).map(({ target }) => target)).toEqual(everything)
    }
    const local = await ctx.payload.findByID({ collection: 'articles', depth: 0, id: source.id, overrideAccess: false, user: staff.contributor.user })
    expect(internalLinks(local).map(({ target }) => target)).toEqual(everything)
  })

  it('the Local API’s trusted default keeps every stored link', async () => {
    const trusted = await ctx.payload.findByID({ collection: 'articles', depth: 0, id: source.id })
    expect(internalLinks(trusted).map(({ target }) => target)).toContain(`articles:${draft.id}`)
  })

  it('the link reaches the public once its story is published', async () => {
    await ctx.payload.update({ collection: 'articles', data: { _status: 'published', title: 'Now public' }, id: draft.id })
    const { body } = await rest('GET', `/articles/${source.id}?depth=0`)
    expect(internalLinks(body).map(({ target }) => target)).toContain(`articles:${draft.id}`)
  })
})
