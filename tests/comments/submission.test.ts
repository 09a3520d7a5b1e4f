import { describe, expect, it } from 'vitest'

import type { Comment } from '@/payload-types'

import { DUPLICATE_BODY } from '@collections/Comments/fields/validateBody'
import { PARENT_NOT_ALLOWED, TOO_DEEP } from '@collections/Comments/fields/validateParent'
import { COMMENTS_CLOSED } from '@collections/Comments/submission/errors'

import { rest } from '../helpers/http'
import {
  commentData,
  createCommentGraphQL,
  graphqlAs,
  postComment,
  storedComment,
  useCommentsSuite,
} from './helpers'

// Route handlers get no socket: the tests name each client through X-Forwarded-For, trusted as from one proxy.
process.env.TRUST_PROXY = '1'

const suite = useCommentsSuite()

/** The comment as stored, every field, read as trusted system work. */
const stored = (id: number | string): Promise<Comment> =>
  suite.ctx.payload.findByID({ collection: 'comments', depth: 0, id, showHiddenFields: true })

const count = async (): Promise<number> => (await suite.ctx.payload.count({ collection: 'comments' })).totalDocs

/** Every message and field path of a REST or GraphQL error body, as one string. */
const errorText = (body: unknown): string => JSON.stringify((body as { errors?: unknown })?.errors ?? body)

describe('comments: status on submission', () => {
  it('stores an anonymous REST comment as pending even when it asks to be approved', async () => {
    const { body, status } = await postComment(commentData(suite.fx.open.id, { status: 'approved' }))
    expect(status).toBe(201)
    expect((await stored(body.doc.id)).status).toBe('pending')
    // The reader is not told the status either.
    expect(body.doc.status).toBeUndefined()
  })

  it('stores an anonymous GraphQL comment as pending even when it asks to be approved', async () => {
    const { body } = await createCommentGraphQL(commentData(suite.fx.open.id, { status: 'approved' }))
    expect(body.errors).toBeUndefined()
    expect((await stored(body.data.createComment.id)).status).toBe('pending')
  })

  it('stores a contributor’s and an author’s comment as pending too', async () => {
    for (const role of ['contributor', 'author'] as const) {
      const { body, status } = await postComment(commentData(suite.fx.open.id, { status: 'approved' }), { token: suite.staff[role].token })
      expect(status, role).toBe(201)
      expect((await stored(body.doc.id)).status, role).toBe('pending')
    }
  })

  it('keeps the status an editor chooses', async () => {
    const { body, status } = await postComment(commentData(suite.fx.open.id, { status: 'approved' }), { token: suite.staff.editor.token })
    expect(status).toBe(201)
    expect((await stored(body.doc.id)).status).toBe('approved')
  })
})

describe('comments: closed articles', () => {
  it('answers 403 "Comments are closed" for a draft, a disabled article and an unknown id alike, storing nothing', async () => {
    const before = await count()
    for (const article of [suite.fx.draft.id, suite.fx.closed.id, 999_999, 'not-an-id']) {
      const viaREST = await postComment(commentData(suite.fx.open.id, { article }))
      expect(viaREST.status, String(article)).toBe(403)
      expect(viaREST.body.errors[0].message).toBe(COMMENTS_CLOSED)
    }
    for (const article of [suite.fx.draft.id, suite.fx.closed.id, 999_999]) {
      const viaGraphQL = await createCommentGraphQL(commentData(suite.fx.open.id, { article }))
      expect(viaGraphQL.body.data?.createComment ?? null).toBeNull()
      expect(viaGraphQL.body.errors?.[0]).toMatchObject({ extensions: { statusCode: 403 }, message: COMMENTS_CLOSED })
    }
    expect(await count()).toBe(before)
  })

  it('closes comments for staff writing through the API too, editors included', async () => {
    for (const role of ['contributor', 'editor'] as const) {
      const { status } = await postComment(commentData(suite.fx.draft.id), { token: suite.staff[role].token })
      expect(status, role).toBe(403)
    }
  })
})

describe('comments: the duplicate endpoint', () => {
  it('refuses to copy a comment, which would skip the submission checks', async () => {
    const original = await storedComment(suite.ctx.payload, suite.fx.open.id)
    // A comment from before its article closed: a copy would reopen it.
    const onClosed = await storedComment(suite.ctx.payload, suite.fx.closed.id)
    // Older than a day, so the duplicate-text rule would not stop a copy.
    for (const { id } of [original, onClosed]) {
      await suite.ctx.payload.db.updateOne({
        collection: 'comments',
        data: { createdAt: new Date(Date.now() - 48 * 60 * 60 * 1000).toISOString() },
        id,
      })
    }
    const before = await count()
    for (const id of [original.id, onClosed.id]) {
      for (const token of [undefined, suite.staff.editor.token]) {
        const { status } = await rest('POST', `/comments/${id}/duplicate`, { body: {}, token })
        expect(status, `comment ${id}`).toBeGreaterThanOrEqual(400)
        expect(status).toBeLessThan(500)
      }
    }
    const viaGraphQL = await graphqlAs(`mutation { duplicateComment(id: ${original.id}) { id } }`)
    expect(viaGraphQL.body.errors?.length).toBeGreaterThan(0)
    expect(await count()).toBe(before)
  })
})

describe('comments: input rules', () => {
  it.each([
    ['authorName', { authorName: '   ' }],
    ['authorName', { authorName: 'x'.repeat(81) }],
    ['authorEmail', { authorEmail: 'not-an-address' }],
    ['body', { body: ' \n\t ' }],
    ['body', { body: 'x'.repeat(5001) }],
  ])('rejects a bad %s with a 400 naming it, on REST and GraphQL, storing nothing', async (field, data) => {
    const before = await count()
    const viaREST = await postComment(commentData(suite.fx.open.id, data))
    expect(viaREST.status).toBe(400)
    expect(viaREST.body.errors[0].data.errors.map((error: { path: string }) => error.path)).toEqual([field])
    const viaGraphQL = await createCommentGraphQL(commentData(suite.fx.open.id, data))
    expect(viaGraphQL.body.data?.createComment ?? null).toBeNull()
    expect(viaGraphQL.body.errors?.[0]?.extensions?.data?.errors?.[0]?.path).toBe(field)
    expect(await count()).toBe(before)
  })

  it('trims the name and body, and counts 5,000 characters after trimming', async () => {
    const body = `  ${'y'.repeat(5000)}  \n`
    const { body: response, status } = await postComment(commentData(suite.fx.open.id, { authorName: '  Ann  ', body }))
    expect(status).toBe(201)
    const comment = await stored(response.doc.id)
    expect(comment.authorName).toBe('Ann')
    expect(comment.body).toBe('y'.repeat(5000))
  })

  it('keeps HTML as literal text', async () => {
    const body = '<script>alert(1)</script><b>bold</b> &amp; <img src=x onerror=alert(2)>'
    const { body: response } = await postComment(commentData(suite.fx.open.id, { body }))
    expect((await stored(response.doc.id)).body).toBe(body)
    expect(response.doc.body).toBe(body)
  })
})

describe('comments: honeypot and links', () => {
  it('answers 201 to a filled honeypot over REST and files the comment as spam, never storing the field', async () => {
    const { body, status } = await postComment(commentData(suite.fx.open.id, { website: 'https://bot.example' }))
    expect(status).toBe(201)
    expect(body.doc.website ?? null).toBeNull()
    const comment = await stored(body.doc.id)
    expect(comment.status).toBe('spam')
    expect(comment.signals).toMatchObject({ honeypot: true })
    expect((comment as Comment & { website?: string }).website ?? null).toBeNull()
  })

  it('files a GraphQL comment with a filled honeypot as spam', async () => {
    const { body } = await createCommentGraphQL(commentData(suite.fx.open.id, { website: 'bot' }))
    expect(body.errors).toBeUndefined()
    expect((await stored(body.data.createComment.id)).status).toBe('spam')
  })

  it('leaves an empty honeypot alone', async () => {
    const { body } = await postComment(commentData(suite.fx.open.id, { website: '' }))
    expect(await stored(body.doc.id)).toMatchObject({ signals: { honeypot: false }, status: 'pending' })
  })

  it('files a comment with more than 2 links as spam, and keeps one with 2 pending', async () => {
    const two = await postComment(commentData(suite.fx.open.id, { body: 'See https://a.example and www.b.example.' }))
    const three = await postComment(
      commentData(suite.fx.open.id, { body: 'Cheap http://a.example http://www.b.example/x https://c.example?y' }),
    )
    const viaGraphQL = await createCommentGraphQL(commentData(suite.fx.open.id, { body: 'www.a.example www.b.example www.c.example' }))
    expect(await stored(two.body.doc.id)).toMatchObject({ signals: { links: 2 }, status: 'pending' })
    expect(await stored(three.body.doc.id)).toMatchObject({ signals: { links: 3 }, status: 'spam' })
    expect(await stored(viaGraphQL.body.data.createComment.id)).toMatchObject({ signals: { links: 3 }, status: 'spam' })
  })

  it('does not let a reader write signals or the IP hash', async () => {
    const { body } = await postComment(
      commentData(suite.fx.open.id, { ipHash: 'forged', signals: { flood: 0, honeypot: false, links: 0 } } as object),
      { ip: '192.0.2.77' },
    )
    const comment = await stored(body.doc.id)
    expect(comment.ipHash).toMatch(/^[0-9a-f]{64}$/)
    expect(comment.ipHash).not.toBe('forged')
  })
})

describe('comments: duplicates', () => {
  it('rejects the same text on the same article within a day with a 400 on body, over REST and GraphQL', async () => {
    const text = 'I was there when it happened.'
    expect((await postComment(commentData(suite.fx.open.id, { body: text }))).status).toBe(201)
    const before = await count()
    const again = await postComment(commentData(suite.fx.open.id, { body: `  ${text} ` }))
    expect(again.status).toBe(400)
    expect(again.body.errors[0].data.errors).toEqual([expect.objectContaining({ message: DUPLICATE_BODY, path: 'body' })])
    const viaGraphQL = await createCommentGraphQL(commentData(suite.fx.open.id, { body: text }))
    expect(viaGraphQL.body.errors?.[0]?.extensions?.data?.errors?.[0]).toMatchObject({ message: DUPLICATE_BODY, path: 'body' })
    expect(await count()).toBe(before)
    // The same words on another story are a different comment.
    expect((await postComment(commentData(suite.fx.other.id, { body: text }))).status).toBe(201)
  })

  it('counts a duplicate of a comment still awaiting moderation', async () => {
    await storedComment(suite.ctx.payload, suite.fx.open.id, { body: 'Waiting for a moderator.', status: 'pending' })
    const { status } = await postComment(commentData(suite.fx.open.id, { body: 'Waiting for a moderator.' }))
    expect(status).toBe(400)
  })

  it('accepts the same text again once the earlier one is more than a day old', async () => {
    const old = await storedComment(suite.ctx.payload, suite.fx.open.id, { body: 'Said yesterday.' })
    await suite.ctx.payload.db.updateOne({
      collection: 'comments',
      data: { createdAt: new Date(Date.now() - 25 * 60 * 60 * 1000).toISOString() },
      id: old.id,
    })
    expect((await postComment(commentData(suite.fx.open.id, { body: 'Said yesterday.' }))).status).toBe(201)
  })
})

describe('comments: threading', () => {
  it('accepts a reply to an approved comment on the same article, over REST and GraphQL', async () => {
    const parent = await storedComment(suite.ctx.payload, suite.fx.open.id)
    const viaREST = await postComment(commentData(suite.fx.open.id, { parent: parent.id }))
    expect(viaREST.status).toBe(201)
    expect(await stored(viaREST.body.doc.id)).toMatchObject({ level: 1, parent: parent.id })
    const viaGraphQL = await createCommentGraphQL(commentData(suite.fx.open.id, { parent: parent.id }))
    expect(viaGraphQL.body.errors).toBeUndefined()
  })

  it('rejects a parent on another article, unapproved, or unknown with the same 400 naming the rule', async () => {
    const elsewhere = await storedComment(suite.ctx.payload, suite.fx.other.id)
    const pending = await storedComment(suite.ctx.payload, suite.fx.open.id, { status: 'pending' })
    const rejected = await storedComment(suite.ctx.payload, suite.fx.open.id, { status: 'rejected' })
    const before = await count()
    for (const parent of [elsewhere.id, pending.id, rejected.id, 999_999]) {
      const viaREST = await postComment(commentData(suite.fx.open.id, { parent }))
      expect(viaREST.status, String(parent)).toBe(400)
      expect(viaREST.body.errors[0].data.errors).toEqual([
        expect.objectContaining({ message: PARENT_NOT_ALLOWED, path: 'parent' }),
      ])
      const viaGraphQL = await createCommentGraphQL(commentData(suite.fx.open.id, { parent }))
      expect(viaGraphQL.body.errors?.[0]?.extensions?.data?.errors?.[0], String(parent)).toMatchObject({
        message: PARENT_NOT_ALLOWED,
        path: 'parent',
      })
    }
    // An editor may read the pending one, and still may not reply to it.
    const byEditor = await postComment(commentData(suite.fx.open.id, { parent: pending.id }), { token: suite.staff.editor.token })
    expect(errorText(byEditor.body)).toContain(PARENT_NOT_ALLOWED)
    expect(await count()).toBe(before)
  })

  it('accepts replies 3 levels deep and rejects a fourth with a 400 naming the rule', async () => {
    let parent = await storedComment(suite.ctx.payload, suite.fx.open.id)
    for (let level = 1; level <= 3; level++) {
      const reply = commentData(suite.fx.open.id, { parent: parent.id, status: 'approved' })
      const { body, status } = await postComment(reply, { token: suite.staff.editor.token })
      expect(status, `level ${level}`).toBe(201)
      parent = await stored(body.doc.id)
      expect(parent.level).toBe(level)
    }
    const before = await count()
    const tooDeep = await postComment(commentData(suite.fx.open.id, { parent: parent.id }))
    expect(tooDeep.status).toBe(400)
    expect(tooDeep.body.errors[0].data.errors).toEqual([expect.objectContaining({ message: TOO_DEEP, path: 'parent' })])
    const viaGraphQL = await createCommentGraphQL(commentData(suite.fx.open.id, { parent: parent.id }))
    expect(viaGraphQL.body.errors?.[0]?.extensions?.data?.errors?.[0]).toMatchObject({ message: TOO_DEEP, path: 'parent' })
    expect(await count()).toBe(before)
  })
})
