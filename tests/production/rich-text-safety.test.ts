/**
 * Unsafe rich text over HTTP, on the production build (`next start`): the API refuses it on every
 * write, drafts included, and the reference frontend renders content stored before that check
 * existed without `javascript:`/`data:` hrefs or foreign nodes.
 */
import { createClient } from '@libsql/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { editorState, link, paragraph, text } from '../richText/lexical'
import { type RunningServer, startProductionServer, waitUntilServing } from '../helpers/server'

let server: RunningServer
const tokens: Record<'admin' | 'contributor', string> = { admin: '', contributor: '' }
let authorID: number
let story: { id: number; slug: string }

const api = async (path: string, { body, method = 'GET', token }: { body?: unknown; method?: string; token?: string } = {}) => {
  const response = await fetch(`${server.url}/api${path}`, {
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `JWT ${token}` } : {}) },
    method,
  })
  return { body: await response.json(), status: response.status }
}

const UNSAFE_URL_CONTENT = editorState(paragraph(text('Read '), link('javascript:alert(document.cookie)')))

beforeAll(async () => {
  server = await startProductionServer({ PAYLOAD_SECRET: 'rich-text-safety-secret' })
  await waitUntilServing(server)
  const admin = await api('/users/first-register', {
    body: { name: 'Safety Admin', email: 'safety-admin@newsroom.test', password: 'safety-password-1' },
    method: 'POST',
  })
  tokens.admin = admin.body.token
  const contributor = { name: 'Safety Contributor', email: 'safety-contributor@newsroom.test', password: 'safety-password-2', role: 'contributor' }
  const account = await api('/users', { body: contributor, method: 'POST', token: tokens.admin })
  expect(account.status).toBe(201)
  tokens.contributor = (await api('/users/login', { body: contributor, method: 'POST' })).body.token
  // The contributor's own byline: the one byline a contributor may sign with.
  const byline = { name: 'Safety Writer', user: account.body.doc.id }
  authorID = (await api('/authors', { body: byline, method: 'POST', token: tokens.admin })).body.doc.id
  const created = await api('/articles', {
    body: {
      _status: 'published',
      authors: [authorID],
      content: editorState(paragraph(text('Council approves the harbour plan. '), link('https://example.com/plan'))),
      title: 'Harbour plan approved',
    },
    method: 'POST',
    token: tokens.admin,
  })
  expect(created.status).toBe(201)
  story = created.body.doc
}, 120_000)
afterAll(async () => server?.stop())

describe('unsafe rich text over HTTP', () => {
  it('a contributor’s draft with a javascript: link is a 400 naming the node and the rule', async () => {
    const { body, status } = await api('/articles', {
      body: { authors: [authorID], content: UNSAFE_URL_CONTENT, title: 'Sneaky draft' },
      method: 'POST',
      token: tokens.contributor,
    })
    expect(status).toBe(400)
    expect(body.errors[0].message).toContain('content: link at root.children[0].children[1]: "javascript:" URLs are not allowed')
  })

  it('an admin’s update with a data: link or an html node is a 400', async () => {
    const dataLink = await api(`/articles/${story.id}`, {
      body: { content: editorState(paragraph(link('data:text/html,<script>alert(1)</script>'))) },
      method: 'PATCH',
      token: tokens.admin,
    })
    expect(dataLink.status).toBe(400)
    expect(dataLink.body.errors[0].message).toContain('content: link at root.children[0].children[0]: "data:" URLs are not allowed')

    const html = await api(`/articles/${story.id}`, {
      body: { content: editorState({ type: 'html', html: '<script>alert(1)</script>', version: 1 }) },
      method: 'PATCH',
      token: tokens.admin,
    })
    expect(html.status).toBe(400)
    expect(html.body.errors[0].message).toContain('content: html at root.children[0]: "html" is not a node type this editor offers')
  })

  it('GraphQL createArticle with a javascript: link is a 400', async () => {
    const { body } = await api('/graphql', {
      body: {
        query: 'mutation ($data: mutationArticleInput!) { createArticle(data: $data) { id } }',
        variables: { data: { authors: [authorID], content: UNSAFE_URL_CONTENT, title: 'Sneaky GraphQL draft' } },
      },
      method: 'POST',
      token: tokens.contributor,
    })
    expect(body.data?.createArticle ?? null).toBeNull()
    expect(body.errors[0].extensions.statusCode).toBe(400)
    expect(body.errors[0].message).toContain('content: link at root.children[0].children[1]')
  })

  it('the story page renders content stored before the check without unsafe hrefs or foreign nodes', async () => {
    // Written behind the API's back, as content saved before this check existed would be.
    const legacy = editorState(
      paragraph(text('Pre-check links: '), link('javascript:alert(1)'), text(' · '), link(' data:text/html,<b>x</b>'), text(' · '), link('https://example.com/safe')),
      { type: 'html', html: '<script>window.pwned = 1</script>', version: 1 },
      { type: 'relationship', relationTo: 'articles', value: { id: 99, title: 'Embargoed scoop' }, version: 2 },
    )
    const database = createClient({ url: `file:${server.databaseFile}` })
    await database.execute({ args: [JSON.stringify(legacy), story.id], sql: 'UPDATE articles SET content = ? WHERE id = ?' })
    database.close()

    const page = await fetch(`${server.url}/articles/${story.slug}`)
    expect(page.status).toBe(200)
    const html = await page.text()
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map(([, href]) => href.replace(/&amp;/g, '&').trim().toLowerCase())
    expect(hrefs.filter((href) => /^(javascript|data|vbscript):/.test(href))).toEqual([])
    expect(hrefs).toContain('https://example.com/safe')
    // The unsafe links keep their words, as plain text (React separates adjacent text with `<!-- -->`).
    expect(html.replaceAll('<!-- -->', '')).toContain(
      '<p>Pre-check links: the details · the details · <a href="https://example.com/safe">the details</a></p>',
    )
    expect(html).not.toContain('window.pwned')
    expect(html).not.toContain('Embargoed scoop')
    expect(html).not.toContain('unknown node')
  })
})
