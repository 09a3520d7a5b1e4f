/**
 * Internal links in rich text point at stories, tags and authors by id. Every write (REST, GraphQL,
 * Local API, drafts included) refuses a link whose target is malformed or not there with a 400
 * naming the field, the node and the rule; links already stored are not re-checked.
 */
import type { Article, Author, Tag } from '@/payload-types'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestContext } from '../helpers/bootPayload'
import { rest } from '../helpers/http'
import { createStaff, type Staff } from '../helpers/staff'
import { autolink, editorState, internalLink, link, paragraph, text } from './lexical'
import { restAnswer, type Role, ROLES, writeSurfaces } from './surfaces'

let ctx: TestContext
let staff: Staff
let author: Author
let published: Article
let draft: Article
let gone: Article
let publicTag: Tag
let internalTag: Tag
const target = {} as Record<Role, Article>

const SURFACES = writeSurfaces(() => ({ authorID: author.id, payload: ctx.payload, staff, target }))

/** A paragraph with the link second, so every refusal names `link at root.children[0].children[1]`. */
const withLink = (node: ReturnType<typeof link>) => editorState(paragraph(text('See '), node, text('.')))

type RefusedCase = { content: () => unknown; name: string; node?: string; rule: RegExp }

const REFUSED: RefusedCase[] = [
  {
    content: () => withLink(internalLink('articles', gone.id)),
    name: 'a link to a deleted story',
    rule: /there is no articles document with the id \d+/,
  },
  { content: () => withLink(internalLink('tags', 999999)), name: 'a link to a tag that never existed', rule: /there is no tags document with the id 999999/ },
  {
    content: () => withLink(internalLink('articles', { id: published.id, slug: published.slug, title: 'Forged title' })),
    name: 'a link carrying a document instead of an id',
    rule: /value must be the id of a articles document/,
  },
  { content: () => withLink(internalLink('articles', 'not-an-id')), name: 'a link whose id is not one', rule: /must be the id of a articles document/ },
  { content: () => withLink(internalLink('comments', 1)), name: 'a link to a comment', rule: /relationTo one of articles, tags, authors/ },
  { content: () => withLink(link(null, { doc: 'articles/1', linkType: 'internal' })), name: 'a link whose doc is a string', rule: /must be \{ relationTo, value \}/ },
  {
    content: () => withLink({ ...autolink('https://example.com'), fields: { doc: { relationTo: 'articles', value: 1 }, linkType: 'internal' } }),
    name: 'an internal autolink',
    node: 'autolink',
    rule: /an autolink carries a URL, never a document/,
  },
  {
    content: () => withLink(link('https://example.com', { doc: { relationTo: 'articles', value: 1 } })),
    name: 'a custom link that also names a document',
    rule: /only an internal link \(linkType "internal"\) may name a document/,
  },
  { content: () => withLink(link('https://example.com', { linkType: 'page' })), name: 'an unknown linkType', rule: /linkType must be "custom" or "internal"/ },
]

beforeAll(async () => {
  ctx = await bootPayload()
  const { payload } = ctx
  staff = await createStaff(payload)
  author = await payload.create({ collection: 'authors', data: { name: 'Link Writer', slug: 'link-writer', user: staff.contributor.user.id } })
  published = await payload.create({ collection: 'articles', data: { _status: 'published', authors: [author.id], slug: 'harbour-works', title: 'Harbour works' } })
  draft = await payload.create({ collection: 'articles', data: { _status: 'draft', authors: [author.id], title: 'Embargoed scoop' }, draft: true })
  gone = await payload.create({ collection: 'articles', data: { _status: 'published', authors: [author.id], title: 'Retracted' } })
  publicTag = await payload.create({ collection: 'tags', data: { name: 'Port', slug: 'port' } })
  internalTag = await payload.create({ collection: 'tags', data: { internal: true, name: 'Desk notes', slug: 'desk-notes' } })
  target.contributor = await payload.create({
    collection: 'articles',
    data: { authors: [author.id], title: 'The contributor’s draft' },
    draft: true,
    overrideAccess: false,
    user: staff.contributor.user,
  })
  target.editor = await payload.create({ collection: 'articles', data: { _status: 'published', authors: [author.id], title: 'A published story' } })
  // Deleted once later stories exist: SQLite hands the highest id out again, any other never.
  await payload.delete({ collection: 'articles', id: gone.id })
})
afterAll(async () => ctx?.shutdown())

describe('rich text internal links: writes', () => {
  const linked = () =>
    editorState(
      paragraph(
        internalLink('articles', published.id, 'the harbour works'),
        text(', '),
        internalLink('articles', draft.id, 'the coming scoop'),
        text(', '),
        internalLink('tags', publicTag.id, 'the port'),
        text(', '),
        internalLink('tags', internalTag.id, 'desk notes'),
        text(' and '),
        internalLink('authors', author.id, 'our writer'),
      ),
    )

  for (const surface of SURFACES) {
    for (const role of ROLES) {
      it(`${surface.name} accepts links to stories (drafts too), tags and authors the ${role} may read`, async () => {
        const answer = await surface.write(role, linked())
        expect(answer.status, JSON.stringify(answer)).toBeLessThan(300)
      })

      it.each(REFUSED)(`${surface.name} refuses $name with a 400 naming the field, the node and the rule, for the ${role}`, async ({ content, node = 'link', rule }) => {
        const answer = await surface.write(role, content())
        expect(answer.status, JSON.stringify(answer)).toBe(400)
        expect(answer.message).toContain(`content: ${node} at root.children[0].children[1]`)
        expect(answer.detail).toMatch(rule)
      })
    }
  }

  it('stores the links as written: target collection and bare id', async () => {
    const { body, status } = await rest('PATCH', `/articles/${target.editor.id}?depth=0`, { body: { content: linked() }, token: staff.editor.token })
    expect(status).toBe(200)
    const stored = await ctx.payload.findByID({ collection: 'articles', depth: 0, id: target.editor.id })
    expect(stored.content).toEqual(linked())
    expect(body.doc.content).toEqual(linked())
  })

  it('refuses a missing target in an author’s bio too, naming bio', async () => {
    const answer = restAnswer(
      await rest('PATCH', `/authors/${author.id}`, { body: { bio: withLink(internalLink('articles', gone.id)) }, token: staff.contributor.token }),
    )
    expect(answer.status).toBe(400)
    expect(answer.message).toContain('bio: link at root.children[0].children[1]')
    expect(answer.detail).toMatch(/there is no articles document/)
  })

  it('keeps a story editable when a document it already links to is deleted later', async () => {
    const soonGone = await ctx.payload.create({ collection: 'tags', data: { name: 'Short-lived', slug: 'short-lived' } })
    const story = await ctx.payload.create({
      collection: 'articles',
      data: { _status: 'published', authors: [author.id], content: withLink(internalLink('tags', soonGone.id)) as Article['content'], title: 'Linked' },
    })
    await ctx.payload.delete({ collection: 'tags', id: soonGone.id })
    const { status } = await rest('PATCH', `/articles/${story.id}`, { body: { title: 'Linked, retitled' }, token: staff.editor.token })
    expect(status).toBe(200)
    const { status: again } = await rest('PATCH', `/articles/${story.id}`, {
      body: { content: withLink(internalLink('tags', soonGone.id)) },
      token: staff.editor.token,
    })
    expect(again).toBe(200)
  })
})
