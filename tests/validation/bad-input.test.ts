import type { CollectionSlug } from 'payload'

import fs from 'fs/promises'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Article, Author, Comment, Tag } from '@/payload-types'

import { graphql, type JSONResponse, rest } from '../helpers/http'
import { useStaffPayload } from '../helpers/staff'

const PUBLIC_MAX_LIMIT = 100
const MAX_DEPTH = 3
const UNKNOWN_ID = 999999
const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'

const { ctx, staff } = useStaffPayload()

let author: Author
let article: Article
let bigTag: Tag
/** Approved replies, each answering the one before: `thread[5]` is five parents deep. */
let thread: Comment[]
let png: Buffer
/** Upload names from this run, so leftover files can be found in the shared media folder. */
const uploadPrefix = `bad-input-${process.pid}-${Date.now()}`

type Counts = Record<'articleVersions' | 'articles' | 'authors' | 'comments' | 'media', number>

const rowCounts = async (): Promise<Counts> => {
  const { payload } = ctx
  const count = async (collection: CollectionSlug) => (await payload.count({ collection })).totalDocs
  return {
    articleVersions: (await payload.countVersions({ collection: 'articles' })).totalDocs,
    articles: await count('articles'),
    authors: await count('authors'),
    comments: await count('comments'),
    media: await count('media'),
  }
}

/** Lower case, letters and digits only: `Comments Enabled` and `commentsEnabled` compare equal. */
const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '')

type ErrorBody = {
  errors?: { data?: { errors?: { message?: string; path?: string }[] }; extensions?: Record<string, any>; message?: string }[]
}

/** The field paths a Payload error names, and all of its text, REST or GraphQL. */
const describeErrors = (body: ErrorBody) => {
  const errors = body?.errors ?? []
  const details = errors.flatMap((error) => error.data?.errors ?? error.extensions?.data?.errors ?? [])
  return {
    messages: errors.map((error) => error.message ?? ''),
    paths: details.map((detail: { path?: string }) => detail.path ?? ''),
    text: JSON.stringify(errors),
  }
}

const namesField = (body: ErrorBody, field: string): boolean => {
  const { paths, text } = describeErrors(body)
  return paths.some((path) => path === field || path.startsWith(`${field}.`)) || squash(text).includes(squash(field))
}

/** What a REST answer says about one bad field; `REJECTED` is a client error with a message naming it. */
const restVerdict = (response: JSONResponse<ErrorBody>, field: string) => ({
  hasMessage: describeErrors(response.body).messages.join(' ').trim() !== '',
  namesField: namesField(response.body, field),
  status: Math.floor(response.status / 100) === 4 ? '4xx' : `${response.status}: ${JSON.stringify(response.body).slice(0, 200)}`,
})
const REJECTED = { hasMessage: true, namesField: true, status: '4xx' }

/** What a GraphQL answer says about one bad field; `GRAPHQL_REJECTED` has no data and only client errors naming it. */
const graphQLVerdict = (response: JSONResponse<ErrorBody & { data?: any }>, operation: string, field: string) => {
  const errors = response.body.errors ?? []
  return {
    data: response.body.data?.[operation] ?? null,
    hasErrors: errors.length > 0,
    namesField: namesField(response.body, field),
    serverErrors: [
      ...(response.status >= 500 ? [`HTTP ${response.status}`] : []),
      ...errors.filter((error) => Number(error.extensions?.statusCode) >= 500).map((error) => error.message),
    ],
  }
}
const GRAPHQL_REJECTED = { data: null, hasErrors: true, namesField: true, serverErrors: [] }

const uploadForm = (name: string, type: string, data: BlobPart, fields?: Record<string, unknown>): FormData => {
  const form = new FormData()
  form.append('file', new Blob([data], { type }), name)
  if (fields) form.append('_payload', JSON.stringify(fields))
  return form
}

const leftoverUploads = async (): Promise<string[]> => {
  const { staticDir } = ctx.payload.collections.media.config.upload
  if (!staticDir) throw new Error('media has no staticDir')
  const files = await fs.readdir(staticDir)
  return files.filter((file) => file.startsWith(uploadPrefix))
}

beforeAll(async () => {
  const { payload } = ctx
  author = await payload.create({ collection: 'authors', data: { name: 'Valid Author', slug: 'valid-author' } })
  article = await payload.create({
    collection: 'articles',
    data: { title: 'Valid article', slug: 'valid-article', _status: 'published', authors: [author.id] },
    user: staff.editor.user,
  })
  bigTag = await payload.create({ collection: 'tags', data: { name: 'Big tag', slug: 'big-tag' } })
  for (let i = 0; i < PUBLIC_MAX_LIMIT + 5; i++) {
    await payload.create({ collection: 'tags', data: { name: `Tag ${i}`, slug: `tag-${i}` } })
  }
  // Straight to the database: a join needs more than 100 published articles, and hooks and
  // versions would make seeding them the slowest part of this file without changing the join.
  for (let i = 0; i < PUBLIC_MAX_LIMIT + 5; i++) {
    await payload.db.create({
      collection: 'articles',
      data: {
        title: `Filler ${i}`,
        _status: 'published',
        authors: [author.id],
        publishedAt: new Date().toISOString(),
        slug: `filler-${i}`,
        tags: [bigTag.id],
      },
    })
  }
  thread = []
  for (let i = 0; i < 6; i++) {
    thread.push(
      await payload.create({
        collection: 'comments',
        data: {
          article: article.id,
          authorEmail: `reader${i}@example.com`,
          authorName: `Reader ${i}`,
          body: `Comment ${i}`,
          parent: thread[i - 1]?.id,
          status: 'approved',
        },
      }),
    )
  }
  png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#f00' } }).png().toBuffer()
})

type Case = { data: () => Record<string, unknown>; field: string; name: string }

const articleCases: Case[] = [
  { name: 'no title', field: 'title', data: () => ({ authors: [author.id] }) },
  { name: 'no authors', field: 'authors', data: () => ({ title: 'No authors' }) },
  { name: 'an empty authors list', field: 'authors', data: () => ({ title: 'Empty authors', authors: [] }) },
  { name: 'an unknown author id', field: 'authors', data: () => ({ title: 'Unknown author', authors: [UNKNOWN_ID] }) },
  { name: 'a 10,000-character title', field: 'title', data: () => ({ title: 'x'.repeat(10_000), authors: [author.id] }) },
  {
    name: 'commentsEnabled "yes"',
    field: 'commentsEnabled',
    data: () => ({ title: 'Wrong type', authors: [author.id], commentsEnabled: 'yes' }),
  },
  { name: 'a 321-character excerpt', field: 'excerpt', data: () => ({ title: 'Long dek', authors: [author.id], excerpt: 'x'.repeat(321) }) },
]

const commentCases: Case[] = [
  {
    name: 'an invalid authorEmail',
    field: 'authorEmail',
    data: () => ({ article: article.id, authorEmail: 'not-an-email', authorName: 'Reader', body: 'Hello' }),
  },
  {
    name: 'no body',
    field: 'body',
    data: () => ({ article: article.id, authorEmail: 'reader@example.com', authorName: 'Reader' }),
  },
  {
    name: 'a 5,001-character body',
    field: 'body',
    data: () => ({ article: article.id, authorEmail: 'reader@example.com', authorName: 'Reader', body: 'x'.repeat(5001) }),
  },
  {
    name: 'an unknown article id',
    field: 'article',
    data: () => ({ article: UNKNOWN_ID, authorEmail: 'reader@example.com', authorName: 'Reader', body: 'Hello' }),
  },
]

describe('articles', () => {
  it.each(articleCases)('rejects a REST create with $name, for an editor, storing nothing', async ({ data, field }) => {
    const before = await rowCounts()
    const response = await rest('POST', '/articles', { body: data(), token: staff.editor.token })
    expect({ counts: await rowCounts(), response: restVerdict(response, field) }).toEqual({ counts: before, response: REJECTED })
  })

  it.each(articleCases)('rejects a GraphQL createArticle with $name, for an editor, storing nothing', async ({ data, field }) => {
    const before = await rowCounts()
    const response = await graphql(
      'mutation($data: mutationArticleInput!) { createArticle(data: $data) { id } }',
      { data: { slug: 'graphql-bad-input', ...data() } },
      staff.editor.token,
    )
    expect({ counts: await rowCounts(), response: graphQLVerdict(response, 'createArticle', field) }).toEqual({
      counts: before,
      response: GRAPHQL_REJECTED,
    })
  })

  it.each(articleCases.filter(({ name }) => name !== 'no title' && name !== 'no authors'))(
    'rejects a REST update with $name and keeps the stored article unchanged',
    async ({ data, field }) => {
      const stored = await ctx.payload.findByID({ collection: 'articles', depth: 0, id: article.id })
      const before = await rowCounts()
      const response = await rest('PATCH', `/articles/${article.id}`, { body: data(), token: staff.editor.token })
      const after = await ctx.payload.findByID({ collection: 'articles', depth: 0, id: article.id })
      const pick = ({ authors, excerpt, title, updatedAt }: Article) => ({ authors, excerpt, title, updatedAt })
      expect({ article: pick(after), counts: await rowCounts(), response: restVerdict(response, field) }).toEqual({
        article: pick(stored),
        counts: before,
        response: REJECTED,
      })
    },
  )
})

describe('comments', () => {
  it.each(commentCases)('rejects a REST create with $name, for anonymous readers, storing nothing', async ({ data, field }) => {
    const before = await rowCounts()
    const response = await rest('POST', '/comments', { body: data() })
    expect({ counts: await rowCounts(), response: restVerdict(response, field) }).toEqual({ counts: before, response: REJECTED })
  })

  it.each(commentCases)('rejects a GraphQL createComment with $name, for anonymous readers, storing nothing', async ({ data, field }) => {
    const before = await rowCounts()
    const response = await graphql('mutation($data: mutationCommentInput!) { createComment(data: $data) { id } }', {
      data: data(),
    })
    expect({ counts: await rowCounts(), response: graphQLVerdict(response, 'createComment', field) }).toEqual({
      counts: before,
      response: GRAPHQL_REJECTED,
    })
  })

  it('refuses an anonymous REST query on authorEmail with a message naming it', async () => {
    for (const path of ['/comments?where[authorEmail][equals]=x', '/comments/count?where[authorEmail][equals]=x']) {
      expect(restVerdict(await rest('GET', path), 'authorEmail'), path).toEqual(REJECTED)
    }
  })

  it('refuses an anonymous GraphQL query on authorEmail with a message naming it', async () => {
    const response = await graphql('{ Comments(where: { authorEmail: { equals: "reader0@example.com" } }) { docs { id } } }')
    expect(graphQLVerdict(response, 'Comments', 'authorEmail')).toEqual(GRAPHQL_REJECTED)
  })
})

describe('authors', () => {
  it('rejects a javascript: link on REST and GraphQL, for an editor, storing nothing', async () => {
    const before = await rowCounts()
    const links = [{ label: 'Site', url: 'javascript:alert(1)' }]
    const created = await rest('POST', '/authors', { body: { name: 'Mallory', links }, token: staff.editor.token })
    const viaGraphQL = await graphql(
      'mutation($data: mutationAuthorInput!) { createAuthor(data: $data) { id } }',
      { data: { name: 'Mallory', slug: 'mallory', links } },
      staff.editor.token,
    )
    const patched = await rest('PATCH', `/authors/${author.id}`, { body: { links }, token: staff.editor.token })
    expect({
      counts: await rowCounts(),
      created: restVerdict(created, 'links.0.url'),
      links: (await ctx.payload.findByID({ collection: 'authors', id: author.id })).links,
      patched: restVerdict(patched, 'links.0.url'),
      viaGraphQL: graphQLVerdict(viaGraphQL, 'createAuthor', 'links.0.url'),
    }).toEqual({ counts: before, created: REJECTED, links: [], patched: REJECTED, viaGraphQL: GRAPHQL_REJECTED })
  })
})

describe('malformed JSON', () => {
  const rawBody = '{"title":'
  const headers = { 'Content-Type': 'application/json' }

  it('answers a cut-off REST body with a 400, for editors and anonymous readers alike', async () => {
    const before = await rowCounts()
    const attempts = [
      rest('POST', '/articles', { headers, rawBody, token: staff.editor.token }),
      rest('PATCH', `/articles/${article.id}`, { headers, rawBody, token: staff.editor.token }),
      rest('POST', '/comments', { headers, rawBody }),
      rest('POST', '/authors', { headers, rawBody, token: staff.editor.token }),
    ]
    for (const response of await Promise.all(attempts)) {
      expect(Math.floor(response.status / 100), JSON.stringify(response.body)).toBe(4)
      expect(describeErrors(response.body).messages.join(' ')).toMatch(/json/i)
    }
    expect(await rowCounts()).toEqual(before)
  })

  it('answers a cut-off GraphQL body with a 4xx', async () => {
    const { POST } = await import('@/app/(payload)/api/graphql/route')
    const request = new Request('http://localhost:3000/api/graphql', { body: rawBody, headers, method: 'POST' })
    // Next.js answers a route handler that throws with a bare 500, so a throw counts as one.
    const response = await POST(request).catch(
      (error: Error) => new Response(`thrown: ${error.message}`, { status: 500 }),
    )
    const text = await response.text()
    const status = Math.floor(response.status / 100) === 4 ? '4xx' : response.status
    expect({ status, text }).toMatchObject({ status: '4xx', text: expect.stringMatching(/json/i) })
  })
})

describe('media', () => {
  const upload = (form: FormData) => rest('POST', '/media', { rawBody: form, token: staff.editor.token })

  it.each([
    ['an SVG with a script', `${uploadPrefix}.svg`, 'image/svg+xml', SVG, 'A vector', /svg|mime|type/i],
    ['an SVG sent as image/png', `${uploadPrefix}-disguised.png`, 'image/png', SVG, 'A disguise', /svg|mime|type/i],
    ['a text file', `${uploadPrefix}.txt`, 'text/plain', 'Just words.', 'Words', /type|mime|not allowed/i],
  ])('rejects %s, keeping neither a row nor a file', async (_, name, type, data, alt, message) => {
    const before = await rowCounts()
    const response = await upload(uploadForm(name, type, data, { alt }))
    expect(response.status, JSON.stringify(response.body)).toBe(400)
    expect(describeErrors(response.body).text).toMatch(message)
    expect(await rowCounts()).toEqual(before)
    expect(await leftoverUploads()).toEqual([])
  })

  it('rejects a PNG without alt, naming the field and keeping neither a row nor a file', async () => {
    const before = await rowCounts()
    const withoutAlt = await upload(uploadForm(`${uploadPrefix}-no-alt.png`, 'image/png', new Uint8Array(png)))
    const emptyAlt = await upload(uploadForm(`${uploadPrefix}-empty-alt.png`, 'image/png', new Uint8Array(png), { alt: '' }))
    expect(restVerdict(withoutAlt, 'alt')).toEqual(REJECTED)
    expect(restVerdict(emptyAlt, 'alt')).toEqual(REJECTED)
    expect(await rowCounts()).toEqual(before)
    expect(await leftoverUploads()).toEqual([])
  })

  it('accepts the same PNG with alt (the upload itself is valid)', async () => {
    const response = await upload(uploadForm(`${uploadPrefix}-valid.png`, 'image/png', new Uint8Array(png), { alt: 'Red' }))
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    expect((await leftoverUploads()).length).toBeGreaterThan(0)
    await ctx.payload.delete({ collection: 'media', id: response.body.doc.id })
    expect(await leftoverUploads()).toEqual([])
  })
})

describe('public list limits', () => {
  it('serves editors every tag when they ask (more than 100 exist)', async () => {
    const { body } = await rest('GET', '/tags?limit=100000', { token: staff.editor.token })
    expect(body.docs.length).toBeGreaterThan(PUBLIC_MAX_LIMIT)
  })

  it.each(['limit=100000', 'limit=0'])('clamps an anonymous REST tags list with %s to 100', async (query) => {
    const { body, status } = await rest('GET', `/tags?${query}`)
    expect(status).toBe(200)
    expect(body.docs.length).toBe(PUBLIC_MAX_LIMIT)
    expect(body.limit).toBe(PUBLIC_MAX_LIMIT)
    expect(body.totalDocs).toBeGreaterThan(PUBLIC_MAX_LIMIT)
  })

  // Without pagination Payload counts nothing, so the page is the whole answer: still 100 at most.
  it.each(['pagination=false', 'pagination=false&limit=0', 'pagination=false&limit=100000'])(
    'clamps an anonymous REST tags list with %s to 100 documents',
    async (query) => {
      const { body, status } = await rest('GET', `/tags?${query}`)
      expect(status).toBe(200)
      expect(body.docs.length).toBe(PUBLIC_MAX_LIMIT)
      expect(body.totalDocs).toBe(PUBLIC_MAX_LIMIT)
    },
  )

  it.each(['limit: 100000', 'limit: 0', 'pagination: false'])('clamps an anonymous GraphQL Tags(%s) to 100', async (args) => {
    const { body } = await graphql(`{ Tags(${args}) { docs { id } limit } }`)
    expect(body.errors).toBeUndefined()
    expect(body.data.Tags.docs.length).toBe(PUBLIC_MAX_LIMIT)
    expect(body.data.Tags.limit).toBe(PUBLIC_MAX_LIMIT)
  })

  it('clamps an anonymous tags→articles join to 100 on REST and GraphQL', async () => {
    for (const limit of [100000, 0]) {
      const { body, status } = await rest('GET', `/tags/${bigTag.id}?depth=0&joins[articles][limit]=${limit}`)
      expect(status).toBe(200)
      expect(body.articles.docs.length, `joins[articles][limit]=${limit}`).toBe(PUBLIC_MAX_LIMIT)
    }
    const { body } = await graphql(`{ Tag(id: ${bigTag.id}) { articles(limit: 100000) { docs { id } } } }`)
    expect(body.data?.Tag?.articles?.docs?.length).toBe(PUBLIC_MAX_LIMIT)
  })
})

describe('public depth', () => {
  /** How many `parent` levels came back as documents rather than bare ids. */
  const populatedParents = (comment: unknown): number => {
    let depth = 0
    let current = comment as { parent?: unknown } | null
    while (current && typeof current.parent === 'object' && current.parent !== null) {
      depth += 1
      current = current.parent as { parent?: unknown }
    }
    return depth
  }

  it('serves depth=50 at depth 3 on REST, for anonymous readers', async () => {
    const last = thread[thread.length - 1]
    const one = await rest('GET', `/comments/${last.id}?depth=50`)
    expect(one.status).toBe(200)
    expect(populatedParents(one.body)).toBe(MAX_DEPTH)
    const list = await rest('GET', `/comments?depth=50&where[id][equals]=${last.id}`)
    expect(list.status).toBe(200)
    expect(populatedParents(list.body.docs[0])).toBe(MAX_DEPTH)
  })

  it('stops nested documents at depth 3 on GraphQL, for anonymous readers', async () => {
    const last = thread[thread.length - 1]
    const { body, status } = await graphql(
      `{ Comment(id: ${last.id}) { id parent { id parent { id parent { id parent { id parent { id } } } } } } }`,
    )
    expect(status).toBeLessThan(500)
    expect(populatedParents(body.data?.Comment ?? null)).toBeLessThanOrEqual(MAX_DEPTH)
  })
})
