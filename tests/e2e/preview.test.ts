import type { Browser, BrowserContext, Page } from 'playwright-core'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Paginated } from '@/frontend/api'
import type { Article, Author } from '@/payload-types'

import { E2E_PREVIEW_SECRET } from './constants'
import { baseURL, connectBrowser, getJSON, logInToAdmin, newContext, screenshot, screenshotOnFailure, staffToken } from './support'

const DRAFT = {
  paragraph: 'The port authority is still weighing a second night crossing to Popov Island.',
  title: 'Second night crossing to Popov Island under study',
}
const EDITED_TITLE = 'Night crossing to Popov Island approved in principle'

let browser: Browser
let editor: BrowserContext
let editorPage: Page
let reader: BrowserContext
let readerPage: Page
let draft: Article
let published: Article

const lexical = (text: string) => ({
  root: {
    children: [{ children: [{ detail: 0, format: 0, mode: 'normal', style: '', text, type: 'text', version: 1 }], direction: 'ltr', format: '', indent: 0, type: 'paragraph', version: 1 }],
    direction: 'ltr',
    format: '',
    indent: 0,
    type: 'root',
    version: 1,
  },
})

beforeAll(async () => {
  browser = await connectBrowser()
  editor = await newContext(browser)
  editorPage = await editor.newPage()
  reader = await newContext(browser)
  readerPage = await reader.newPage()

  const token = await staffToken('editor')
  const { body: authors } = await getJSON<Paginated<Author>>('/authors?limit=1&depth=0', { token })
  const response = await fetch(`${baseURL()}/api/articles?draft=true`, {
    body: JSON.stringify({ authors: [authors.docs[0].id], content: lexical(DRAFT.paragraph), title: DRAFT.title }),
    headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
    method: 'POST',
  })
  expect(response.status).toBe(201)
  draft = ((await response.json()) as { doc: Article }).doc
  const { body: stories } = await getJSON<Paginated<Article>>('/articles?limit=1&depth=0')
  published = stories.docs[0]
})

afterAll(async () => {
  await browser?.close()
})

screenshotOnFailure('preview', () => ({ editor: editorPage, reader: readerPage }))

/** The draft route URL the admin's Preview button links to. */
let previewHref: string

describe('draft preview', () => {
  it('lets an editor open a draft from the admin Preview button and read its text', async () => {
    await logInToAdmin(editorPage, 'editor')
    await editorPage.goto(`/admin/collections/articles/${draft.id}`)
    const button = editorPage.locator('#preview-button')
    await button.waitFor()
    previewHref = (await button.getAttribute('href'))!
    const url = new URL(previewHref)
    expect(url.pathname).toBe('/next/preview')
    expect(Object.fromEntries(url.searchParams)).toEqual({ collection: 'articles', secret: E2E_PREVIEW_SECRET, slug: draft.slug })

    const [preview] = await Promise.all([editor.waitForEvent('page'), button.click()])
    await preview.getByText(DRAFT.paragraph).waitFor({ timeout: 30_000 })
    expect(new URL(preview.url()).pathname).toBe(`/articles/${draft.slug}`)
    await expect(preview.locator('h1').textContent()).resolves.toBe(DRAFT.title)
    await expect(preview.locator('.preview-banner').textContent()).resolves.toContain('Exit preview')
    await screenshot(preview, 'preview-draft')

    // Leaving the preview shows the page as readers see it: no such story yet.
    await preview.getByRole('link', { name: 'Exit preview' }).click()
    await preview.locator('h1', { hasText: 'Page not found' }).waitFor()
    expect(new URL(preview.url()).pathname).toBe(`/articles/${draft.slug}`)
    expect(await preview.content()).not.toContain(DRAFT.paragraph)
    await preview.close()
  })

  it('gives an anonymous visitor 404 for the story and 401 for the preview link, with no draft text', async () => {
    const story = await readerPage.goto(`/articles/${draft.slug}`)
    expect(story?.status()).toBe(404)
    expect(await readerPage.content()).not.toContain(DRAFT.paragraph)

    const preview = await readerPage.goto(previewHref)
    expect(preview?.status()).toBe(401)
    expect(await readerPage.content()).not.toContain(DRAFT.paragraph)
    expect((await reader.cookies()).map(({ name }) => name)).not.toContain('__prerender_bypass')

    const again = await readerPage.goto(`/articles/${draft.slug}`)
    expect(again?.status()).toBe(404)
  })

  it('redraws the live preview as the editor edits the title, in the admin frame', async () => {
    await editorPage.goto(`/admin/collections/articles/${draft.id}`)
    await editorPage.locator('.live-preview-toggler').click()
    const frame = editorPage.frameLocator('#live-preview-iframe')
    await frame.locator('h1', { hasText: DRAFT.title }).waitFor({ timeout: 30_000 })
    await frame.getByText(DRAFT.paragraph).waitFor()

    await editorPage.fill('#field-title', EDITED_TITLE)
    await frame.locator('h1', { hasText: EDITED_TITLE }).waitFor({ timeout: 30_000 })
    await screenshot(editorPage, 'preview-live')

    // Nothing was saved: readers and the stored draft still have the old title.
    const { body } = await getJSON<Article>(`/articles/${draft.id}?draft=true&depth=0`, { token: await staffToken('editor') })
    expect(body.title).toBe(DRAFT.title)
  })

  it('offers View on site for a published story only', async () => {
    await editorPage.goto(`/admin/collections/articles/${published.id}`)
    const link = editorPage.getByRole('link', { name: 'View on site' })
    await link.waitFor()
    expect(await link.getAttribute('href')).toBe(`/articles/${published.slug}`)
    expect(await link.getAttribute('target')).toBe('_blank')

    await editorPage.goto(`/admin/collections/articles/${draft.id}`)
    await editorPage.locator('#preview-button').waitFor()
    expect(await editorPage.getByRole('link', { name: 'View on site' }).count()).toBe(0)
  })
})
