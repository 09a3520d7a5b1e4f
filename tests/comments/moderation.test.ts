import { describe, expect, it } from 'vitest'

import type { Comment } from '@/payload-types'

import { excerptOf, signalLabels } from '@collections/Comments/components/format'
import { currentQueue, defaultQueueURL, QUEUES } from '@collections/Comments/components/queues'

import { graphql, rest } from '../helpers/http'
import { executeSQL } from '../helpers/testDatabase'
import { createArticle, storedComment, useCommentsSuite } from './helpers'

const suite = useCommentsSuite()

const stored = (id: number | string): Promise<Comment> => suite.ctx.payload.findByID({ collection: 'comments', depth: 0, id })

/** Comments whose article row is gone, straight from the database. */
const orphans = async (): Promise<number> => {
  const rows = await executeSQL(
    suite.ctx.payload,
    'SELECT count(*) AS n FROM comments WHERE article_id IS NULL OR article_id NOT IN (SELECT id FROM articles)',
  )
  return Number(rows[0].n)
}

/** An article with an approved thread, a pending and a spam comment, written as system work. */
const articleWithComments = async () => {
  const article = await createArticle(suite.ctx.payload, suite.fx.author)
  const top = await storedComment(suite.ctx.payload, article.id)
  const reply = await storedComment(suite.ctx.payload, article.id, { parent: top.id })
  await storedComment(suite.ctx.payload, article.id, { parent: reply.id })
  await storedComment(suite.ctx.payload, article.id, { status: 'pending' })
  await storedComment(suite.ctx.payload, article.id, { status: 'spam' })
  return article
}

const commentsOn = async (article: number): Promise<number> =>
  (await suite.ctx.payload.count({ collection: 'comments', where: { article: { equals: article } } })).totalDocs

describe('comments: moderation rights', () => {
  it('lets an editor approve, reject and mark as spam in bulk, as the list view does, and refuses contributors and authors', async () => {
    const ids = await Promise.all([1, 2, 3].map(async () => (await storedComment(suite.ctx.payload, suite.fx.open.id, { status: 'pending' })).id))
    const where = ids.map((id, index) => `where[id][in][${index}]=${id}`).join('&')
    for (const role of ['contributor', 'author'] as const) {
      const { body, status } = await rest('PATCH', `/comments?${where}`, { body: { status: 'approved' }, token: suite.staff[role].token })
      expect(status === 403 || (body.docs?.length ?? 0) === 0, role).toBe(true)
      const single = await rest('PATCH', `/comments/${ids[0]}`, { body: { status: 'approved' }, token: suite.staff[role].token })
      expect(single.status, role).toBe(403)
      const viaGraphQL = await graphql(`mutation { updateComment(id: ${ids[0]}, data: { status: approved }) { id } }`, {}, suite.staff[role].token)
      expect(viaGraphQL.body.data?.updateComment ?? null, role).toBeNull()
    }
    for (const id of ids) expect((await stored(id)).status).toBe('pending')
    for (const status of ['approved', 'rejected', 'spam'] as const) {
      const response = await rest('PATCH', `/comments?${where}`, { body: { status }, token: suite.staff.editor.token })
      expect(response.status).toBe(200)
      for (const id of ids) expect((await stored(id)).status).toBe(status)
    }
    const one = await graphql(`mutation { updateComment(id: ${ids[0]}, data: { status: approved }) { id status } }`, {}, suite.staff.editor.token)
    expect(one.body.data?.updateComment).toEqual({ id: ids[0], status: 'approved' })
  })

  it('does not let anyone write signals, the IP hash or the thread level, editors included', async () => {
    const comment = await storedComment(suite.ctx.payload, suite.fx.open.id, { status: 'pending' })
    const before = await suite.ctx.payload.findByID({ collection: 'comments', depth: 0, id: comment.id })
    const { status } = await rest('PATCH', `/comments/${comment.id}`, {
      body: { ipHash: 'forged', level: 9, signals: { flood: 99, honeypot: true, links: 99 } },
      token: suite.staff.editor.token,
    })
    expect(status).toBe(200)
    const after = await suite.ctx.payload.findByID({ collection: 'comments', depth: 0, id: comment.id })
    expect({ ipHash: after.ipHash, level: after.level, signals: after.signals }).toEqual({
      ipHash: before.ipHash,
      level: before.level,
      signals: before.signals,
    })
  })
})

describe('comments: deleting an article', () => {
  it('deletes its comments with it, replies included, over REST, and leaves other articles’ comments alone', async () => {
    const article = await articleWithComments()
    const elsewhere = await commentsOn(suite.fx.open.id)
    expect(await commentsOn(article.id)).toBe(5)
    const { status } = await rest('DELETE', `/articles/${article.id}`, { token: suite.staff.editor.token })
    expect(status).toBe(200)
    expect(await commentsOn(article.id)).toBe(0)
    expect(await commentsOn(suite.fx.open.id)).toBe(elsewhere)
    expect(await orphans()).toBe(0)
  })

  it('deletes them over GraphQL too, and for an author deleting their own draft', async () => {
    const article = await articleWithComments()
    const viaGraphQL = await graphql(`mutation { deleteArticle(id: ${article.id}) { id } }`, {}, suite.staff.editor.token)
    expect(viaGraphQL.body.errors).toBeUndefined()
    expect(await commentsOn(article.id)).toBe(0)
    const draft = await suite.ctx.payload.create({
      collection: 'articles',
      data: { _status: 'draft', authors: [suite.fx.author.id], slug: 'authors-own-draft', title: 'An author’s own draft' },
      draft: true,
      user: suite.staff.author.user,
    })
    await storedComment(suite.ctx.payload, draft.id)
    expect((await rest('DELETE', `/articles/${draft.id}`, { token: suite.staff.author.token })).status).toBe(200)
    expect(await commentsOn(draft.id)).toBe(0)
    expect(await orphans()).toBe(0)
  })

  it('keeps the comments when the delete is refused', async () => {
    const article = await articleWithComments()
    for (const role of ['contributor', 'author'] as const) {
      expect((await rest('DELETE', `/articles/${article.id}`, { token: suite.staff[role].token })).status, role).toBe(403)
    }
    expect(await commentsOn(article.id)).toBe(5)
  })
})

describe('comments: the moderation view', () => {
  const listURL = '/admin/collections/comments'

  it('opens the pending queue from the bare list URL, and leaves a filtered or searched list alone', () => {
    expect(defaultQueueURL({}, listURL)).toBe(`${listURL}?where[status][equals]=pending`)
    expect(defaultQueueURL({ limit: '10', page: '2' }, listURL)).toBe(`${listURL}?where[status][equals]=pending`)
    expect(defaultQueueURL({ 'where[status][equals]': 'spam' }, listURL)).toBeNull()
    expect(defaultQueueURL({ 'where[or][0][and][0][authorName][like]': 'Ann' }, listURL)).toBeNull()
    expect(defaultQueueURL({ search: 'ferry' }, listURL)).toBeNull()
  })

  it('knows which tab a list URL shows', () => {
    expect(currentQueue({ 'where[status][equals]': 'spam' })?.label).toBe('Spam')
    expect(currentQueue({ 'where[status][exists]': 'true' })?.label).toBe('All')
    expect(currentQueue({ 'where[status][equals]': 'spam', 'where[authorName][like]': 'x' })).toBeUndefined()
    expect(QUEUES.map(({ label }) => label)).toEqual(['Pending', 'Approved', 'Spam', 'Rejected', 'All'])
  })

  it('lists an excerpt of the body on one line and the signals as labels', () => {
    expect(excerptOf('  <b>Hello</b>\n\nworld  ')).toBe('<b>Hello</b> world')
    expect(excerptOf('word '.repeat(100))).toMatch(/^(word ){23}word…$/)
    expect(signalLabels({ flood: 4, honeypot: true, links: 3 })).toEqual(['honeypot', '3 links', '4 in the hour before'])
    expect(signalLabels({ flood: 0, honeypot: false, links: 1 })).toEqual(['1 link'])
    expect(signalLabels(null)).toEqual([])
  })
})
