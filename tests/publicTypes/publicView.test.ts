import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'

import { publicView, type PublicView } from '@/publicTypes/generatePublicTypes'

import { useTestPayload } from '../helpers/bootPayload'
import { rest } from '../helpers/http'

const ctx = useTestPayload()

let view: PublicView

beforeAll(async () => {
  const { payload } = ctx
  view = await publicView(ctx.config)
  // Trusted set-up through the Local API: one document with every field filled, in each public collection.
  const photo = await sharp({ create: { background: '#246', channels: 3, height: 400, width: 800 } }).png().toBuffer()
  const image = await payload.create({
    collection: 'media',
    data: { alt: 'The quay', caption: 'At high water' },
    file: { data: photo, mimetype: 'image/png', name: 'quay.png', size: photo.length },
  })
  const author = await payload.create({
    collection: 'authors',
    data: { name: 'Ines Duarte', avatar: image.id, jobTitle: 'Harbour reporter', links: [{ label: 'Site', url: 'https://example.org' }], slug: 'ines-duarte' },
  })
  const tag = await payload.create({ collection: 'tags', data: { name: 'Harbour', description: 'The port', slug: 'harbour' } })
  const article = await payload.create({
    collection: 'articles',
    data: {
      _status: 'published',
      authors: [author.id],
      commentsEnabled: true,
      corrections: [{ date: '2026-11-03T08:00:00.000Z', text: 'The ferry leaves at 7.' }],
      excerpt: 'Ferries are back.',
      heroImage: image.id,
      readMore: [{ title: 'Timetables', type: 'external', url: 'https://example.org/ferries' }],
      reviewNote: 'Check the times.',
      slug: 'ferries-return',
      tags: [tag.id],
      title: 'Ferries return',
    },
  })
  await payload.create({
    collection: 'comments',
    data: { article: article.id, authorEmail: 'reader@example.com', authorName: 'Reader', body: 'Welcome back.', status: 'approved' },
  })
})

describe('public types', () => {
  it('leave out the staff-only collections', () => {
    expect(view.collections.map(({ slug }) => slug).sort()).toEqual(['articles', 'authors', 'comments', 'media', 'tags'])
    expect(view.createShapes.map(({ slug }) => slug)).toEqual(['comments'])
  })

  it('name every field an anonymous REST read returns, and every field it returns that is stored', async () => {
    for (const collection of view.collections) {
      const typed = new Set(['id', ...collection.flattenedFields.map(({ name }) => name)])
      // Joins asked for by name: REST computes a story's comments join only when asked (commentsJoinWhenAsked).
      const joins = collection.flattenedFields.flatMap(({ name, type }) => (type === 'join' ? [`&joins[${name}][limit]=10`] : [])).join('')
      const { body, status } = await rest('GET', `/${collection.slug}?depth=0${joins}`)
      expect(status).toBe(200)
      expect(body.docs.length, collection.slug).toBeGreaterThan(0)
      for (const doc of body.docs as Record<string, unknown>[]) {
        expect(Object.keys(doc).filter((key) => !typed.has(key)), `${collection.slug}: received but not typed`).toEqual([])
        // What staff read of the same document, for the fields the public types promise.
        const stored = await ctx.payload.findByID({ collection: collection.slug, depth: 0, id: doc.id as number })
        const promised = Object.keys(stored).filter((key) => typed.has(key) && stored[key as keyof typeof stored] != null)
        expect(promised.filter((key) => !(key in doc)), `${collection.slug}: typed but not received`).toEqual([])
      }
    }
  })

  it('let the public send what CommentCreate holds and no more', () => {
    const [comments] = view.createShapes
    expect(comments.fields.map(({ name }) => name).sort()).toEqual(['article', 'authorEmail', 'authorName', 'body', 'parent', 'website'])
  })
})
