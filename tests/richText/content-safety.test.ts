/**
 * Rich text is public JSON that frontends turn into HTML: every write (REST, GraphQL, Local API,
 * drafts included) refuses what the editor does not offer, links that are not http(s):, mailto:,
 * tel: or site-relative, internal links to anything but stories, tags and authors (see
 * internal-links.test.ts) and references to anything but media.
 */
import type { Article, Author, Media } from '@/payload-types'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestContext } from '../helpers/bootPayload'
import { rest } from '../helpers/http'
import { createStaff, type Staff } from '../helpers/staff'
import { autolink, editorState, link, list, paragraph, text, upload } from './lexical'
import { newArticle, restAnswer, type Role, ROLES, writeSurfaces } from './surfaces'

let ctx: TestContext
let staff: Staff
let author: Author
let draft: Article
let photo: Media
/** The article each role updates: the contributor's own draft, and a published story for the editor. */
const target = {} as Record<Role, Article>

const SAFE_CONTENT = editorState(paragraph(text('Nothing to see here.')))
const URL_RULE = /links must be http\(s\): mailto: or tel: URLs or site-relative paths/

type UnsafeCase = { content: () => unknown; name: string; node: string; rule: RegExp }

const unsafeLink = (name: string, url: string, rule: RegExp): UnsafeCase => ({
  content: () => editorState(paragraph(text('Read '), link(url))),
  name,
  node: 'link at root.children[0].children[1]',
  rule,
})

const UNSAFE: UnsafeCase[] = [
  unsafeLink('a javascript: link', 'javascript:alert(document.cookie)', /"javascript:" URLs are not allowed/),
  unsafeLink('a javascript: link in mixed case behind a space', ' JaVaScRiPt:alert(1)', /"javascript:" URLs are not allowed/),
  unsafeLink('a javascript: link split by a tab', 'java\tscript:alert(1)', /"javascript:" URLs are not allowed/),
  unsafeLink('a data: link', 'data:text/html,<script>alert(1)</script>', /"data:" URLs are not allowed/),
  unsafeLink('a protocol-relative link', '//evil.example/login', /leaves the site/),
  unsafeLink('a backslash protocol-relative link', '/\\evil.example/login', /leaves the site/),
  unsafeLink('an entity-encoded javascript: link', 'javascript&#58;alert(1)', /relative URL must start with \/ or #/),
  {
    content: () => editorState(paragraph(text('Plain')), paragraph(autolink('javascript:alert(1)'))),
    name: 'a javascript: autolink',
    node: 'autolink at root.children[1].children[0]',
    rule: /"javascript:" URLs are not allowed/,
  },
  {
    content: () =>
      editorState(paragraph(link(null, { doc: { relationTo: 'users', value: staff.admin.user.id }, linkType: 'internal' }))),
    name: 'an internal link to a user account',
    node: 'link at root.children[0].children[0]',
    rule: /relationTo one of articles, tags, authors/,
  },
  {
    content: () => editorState(paragraph(text('Intro')), { type: 'html', html: '<script>alert(1)</script>', version: 1 }),
    name: 'an html node',
    node: 'html at root.children[1]',
    rule: /"html" is not a node type this editor offers/,
  },
  {
    content: () => editorState(list([text('Watch'), { type: 'iframe', src: 'https://evil.example', version: 1 }])),
    name: 'an iframe node inside a list item',
    node: 'iframe at root.children[0].children[0].children[1]',
    rule: /"iframe" is not a node type this editor offers/,
  },
  {
    content: () =>
      editorState(paragraph(text('Related')), { type: 'relationship', format: '', relationTo: 'articles', value: draft.id, version: 2 }),
    name: 'a relationship node pointing at a draft',
    node: 'relationship at root.children[1]',
    rule: /"relationship" is not a node type this editor offers/,
  },
  {
    content: () => editorState(upload('users', staff.admin.user.id)),
    name: 'an upload node from users',
    node: 'upload at root.children[0]',
    rule: /uploads must come from media/,
  },
  {
    content: () => editorState(upload('media', { id: photo.id, mimeType: 'text/html', url: 'javascript:alert(1)' })),
    name: 'an upload node carrying a document instead of an id',
    node: 'upload at root.children[0]',
    rule: /must be the id of a media document/,
  },
  {
    content: () => ({ root: { children: 'oops', type: 'root' } }),
    name: 'an editor state whose root has no list of children',
    node: 'root',
    rule: /not a Lexical editor state/,
  },
]

const SURFACES = writeSurfaces(() => ({ authorID: author.id, payload: ctx.payload, staff, target }))

let articlesBefore: number

beforeAll(async () => {
  ctx = await bootPayload()
  const { payload } = ctx
  staff = await createStaff(payload)
  author = await payload.create({ collection: 'authors', data: { name: 'Safe Writer', user: staff.contributor.user.id } })
  draft = await payload.create({ collection: 'articles', data: { _status: 'draft', authors: [author.id], title: 'Embargoed scoop' } })
  target.contributor = await payload.create({
    collection: 'articles',
    data: { authors: [author.id], content: SAFE_CONTENT, title: 'The contributor’s draft' },
    draft: true,
    overrideAccess: false,
    user: staff.contributor.user,
  })
  target.editor = await payload.create({
    collection: 'articles',
    data: { _status: 'published', authors: [author.id], content: SAFE_CONTENT, title: 'A published story' },
  })
  const png = await sharp({ create: { background: '#36c', channels: 3, height: 4, width: 4 } }).png().toBuffer()
  photo = await payload.create({
    collection: 'media',
    data: { alt: 'A blue square' },
    file: { data: png, mimetype: 'image/png', name: `rich-text-safety-${process.pid}-${Date.now()}.png`, size: png.length },
  })
  articlesBefore = (await payload.count({ collection: 'articles' })).totalDocs
})
afterAll(async () => {
  if (photo) await ctx.payload.delete({ id: photo.id, collection: 'media' })
  await ctx?.shutdown()
})

describe('rich text: unsafe content', () => {
  for (const surface of SURFACES) {
    for (const role of ROLES) {
      it.each(UNSAFE)(`${surface.name} refuses $name with a 400 naming the node and the rule, for the ${role}`, async ({ content, node, rule }) => {
        const answer = await surface.write(role, content())
        expect(answer.status, JSON.stringify(answer)).toBe(400)
        expect(answer.message).toContain(`content: ${node}`)
        expect(answer.detail).toContain(node)
        expect(answer.detail).toMatch(rule)
        expect(`${answer.message} ${answer.detail}`).toMatch(rule)
      })
    }
  }

  it('refuses unsafe links in every rich text field: an author’s own bio, for the contributor', async () => {
    const answer = restAnswer(
      await rest('PATCH', `/authors/${author.id}`, {
        body: { bio: editorState(paragraph(link('javascript:alert(1)'))) },
        token: staff.contributor.token,
      }),
    )
    expect(answer.status).toBe(400)
    expect(answer.message).toContain('bio: link at root.children[0].children[0]')
    expect(answer.detail).toMatch(URL_RULE)
  })

  it('stored none of it: no new articles, and the updated ones keep their content', async () => {
    expect((await ctx.payload.count({ collection: 'articles' })).totalDocs).toBe(articlesBefore)
    for (const role of ROLES) {
      const stored = await ctx.payload.findByID({ id: target[role].id, collection: 'articles', depth: 0, draft: true })
      expect(stored.content).toEqual(SAFE_CONTENT)
    }
    const bio = await ctx.payload.findByID({ id: author.id, collection: 'authors', depth: 0 })
    expect(bio.bio ?? null).toBeNull()
  })
})

describe('rich text: safe content', () => {
  const safe = () =>
    editorState(
      { direction: 'ltr', format: '', indent: 0, type: 'heading', tag: 'h2', version: 1, children: [text('What changes')] },
      paragraph(
        text('See '),
        link('https://example.com/report?year=2026#summary'),
        text(', '),
        link('http://example.org'),
        text(', '),
        link('mailto:desk@newsroom.example?subject=Tip'),
        text(', '),
        link('tel:+351210000000'),
        text(', '),
        link('/articles/harbour-works'),
        text(' and '),
        link('#comments', { newTab: true }),
        { type: 'linebreak', version: 1 },
        { type: 'tab', detail: 2, format: 0, mode: 'normal', style: '', text: '\t', version: 1 },
      ),
      paragraph(autolink('https://example.com/autolinked')),
      list([text('One point')], [text('Another')]),
      { direction: 'ltr', format: '', indent: 0, type: 'quote', version: 1, children: [text('A quote')] },
      { type: 'horizontalrule', version: 1 },
      upload('media', photo.id),
    )

  for (const surface of SURFACES) {
    for (const role of ROLES) {
      it(`${surface.name} accepts links, media and the editor's other nodes, for the ${role}`, async () => {
        const answer = await surface.write(role, safe())
        expect(answer.status, JSON.stringify(answer)).toBeLessThan(300)
      })
    }
  }

  it('serves safe content back as it was written', async () => {
    const { body, status } = await rest('POST', '/articles?depth=0', { body: newArticle(author.id, 'contributor', safe()), token: staff.contributor.token })
    expect(status).toBe(201)
    expect(body.doc.content).toEqual(safe())
  })
})
