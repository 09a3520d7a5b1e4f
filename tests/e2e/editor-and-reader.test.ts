import type { Browser, BrowserContext, Page } from 'playwright-core'

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { Paginated } from '@/frontend/api'
import type { Comment, Tag } from '@/payload-types'

import { articles as seededArticles } from '@/seed/data/articles'

import {
  connectBrowser,
  getJSON,
  logInToAdmin,
  networkQuiet,
  newContext,
  pick,
  screenshot,
  screenshotOnFailure,
  staffToken,
  trackNetwork,
  type PolicyWatch,
  watchContentSecurityPolicy,
} from './support'

const TAG = { name: 'Night Ferries', slug: 'night-ferries' }
const STORY = {
  paragraph: 'The night ferry to Russky Island sailed again on Friday after a two-year pause.',
  quote: '“We missed the late boat more than we expected,” said a passenger.',
  slug: 'night-ferry-returns-to-vladivostok-harbour',
  title: 'Night ferry returns to Vladivostok harbour',
}
const BYLINE = 'Marina Volkova'
// The story the editor curates under "Read more about".
const RELATED = seededArticles.find(({ slug }) => slug === 'golden-horn-terminal-opens-new-container-berth')!
const COMMENT = { body: 'Good to have the late boat back: the last bus leaves far too early.', name: 'Anna from Russky' }

let browser: Browser
let editor: BrowserContext
let editorPage: Page
let reader: BrowserContext
let readerPage: Page
// The reader's steps need the editor's story: without it they are skipped, not failed a second time.
let storyPublished = false
/** Every browser context's pages and policy violations, checked at the end. */
const policyWatches: PolicyWatch[] = []

beforeAll(async () => {
  browser = await connectBrowser()
  editor = await newContext(browser)
  policyWatches.push(await watchContentSecurityPolicy(editor))
  editorPage = await editor.newPage()
  trackNetwork(editorPage)
  reader = await newContext(browser)
  policyWatches.push(await watchContentSecurityPolicy(reader))
  readerPage = await reader.newPage()
})

afterAll(async () => {
  await browser?.close()
})

// What each browser showed when a step failed, beside the other screenshots.
screenshotOnFailure('reader', () => ({ editor: editorPage, reader: readerPage }))

describe('an editor in the admin panel', () => {
  it('logs in and creates a tag', async () => {
    await logInToAdmin(editorPage, 'editor')
    await editorPage.goto('/admin/collections/tags/create')
    await editorPage.fill('#field-name', TAG.name)
    await editorPage.click('#action-save')
    await editorPage.waitForURL(/\/admin\/collections\/tags\/\d+/)

    const { body } = await getJSON<Paginated<Tag>>(`/tags?where[slug][equals]=${TAG.slug}`)
    expect(body.docs.map(({ name }) => name)).toEqual([TAG.name])
  })

  it('writes a story with a paragraph and a quote, tags it, curates a "Read more about" link and publishes it', async () => {
    const page = editorPage
    await page.goto('/admin/collections/articles/create')
    await page.waitForSelector('#field-title')

    // The "Read more about" row first, on a settled form (see networkQuiet).
    await networkQuiet(page)
    await page.click('#field-readMore .array-field__add-row')
    await page.waitForSelector('#field-readMore__0__doc', { state: 'attached', timeout: 60_000 })
    // New rows may arrive collapsed (the field's `initCollapsed`); "Show All" opens them whatever their state.
    const documentPicker = page.locator('#field-readMore__0__doc .rs__control')
    await expect
      .poll(async () => {
        if (!(await documentPicker.isVisible())) {
          await page.locator('#field-readMore .array-field__header-action', { hasText: 'Show All' }).click()
        }
        return documentPicker.isVisible()
      })
      .toBe(true)
    await pick(page, 'field-readMore__0__doc', 'container berth', RELATED.title)

    await page.fill('#field-title', STORY.title)
    await page.click('.rich-text-lexical [contenteditable="true"]')
    await page.keyboard.type(STORY.paragraph)
    await page.keyboard.press('Enter')
    // Lexical's slash menu: "/quote" offers Blockquote first.
    await page.keyboard.type('/quote')
    await page.waitForSelector('#slash-menu-popup__item-blockquote.slash-menu-popup__item--selected')
    await page.keyboard.press('Enter')
    await page.keyboard.type(STORY.quote)
    await expect.poll(() => page.locator('.rich-text-lexical blockquote').textContent()).toBe(STORY.quote)

    await pick(page, 'field-authors', 'Marina', BYLINE)
    await pick(page, 'field-tags', 'Night', TAG.name)

    await networkQuiet(page)
    await page.click('#action-save')
    await page.waitForURL(/\/admin\/collections\/articles\/\d+/, { timeout: 60_000 })
    await page.locator('.doc-controls', { hasText: 'Published' }).waitFor()
    // The screenshot shows the saved story with its curated link open, not the toast over it.
    const toast = page.locator('.payload-toast-item', { hasText: 'successfully' })
    await toast.locator('.payload-toast-close-button').click()
    await toast.waitFor({ state: 'detached' })
    await page.locator('#field-readMore .array-field__header-action', { hasText: 'Show All' }).click()
    await page.locator('#field-readMore__0__doc .rs__single-value', { hasText: RELATED.title }).waitFor()
    await screenshot(page, 'admin-edit-view')

    const story = (await getJSON<Paginated<any>>(`/articles?where[slug][equals]=${STORY.slug}&depth=1`)).body.docs[0]
    expect(story).toMatchObject({ _status: 'published', title: STORY.title })
    expect(story.content.root.children.map(({ type }: { type: string }) => type)).toEqual(['paragraph', 'quote'])
    expect(story.authors.map(({ name }: { name: string }) => name)).toEqual([BYLINE])
    expect(story.tags.map(({ slug }: Tag) => slug)).toEqual([TAG.slug])
    const { body } = await getJSON<{ links: { slug: string; source: string }[] }>(`/articles/${story.id}/read-more`)
    expect(body.links[0]).toMatchObject({ slug: RELATED.slug, source: 'curated' })
    storyPublished = true
  })
})

describe('a contributor in the admin panel', () => {
  it('can save a draft but has no Publish button', async () => {
    const context = await newContext(browser)
    policyWatches.push(await watchContentSecurityPolicy(context))
    try {
      const page = await context.newPage()
      await logInToAdmin(page, 'contributor')
      await page.goto('/admin/collections/articles/create')
      await page.waitForSelector('#field-title')
      await page.waitForSelector('#action-save-draft')
      expect(await page.locator('#action-save').count()).toBe(0)
      await screenshot(page, 'admin-contributor-create-view')
    } finally {
      await context.close()
    }
  })
})

describe('a reader on the frontend, and the editor who moderates', () => {
  beforeEach(({ skip }) => {
    if (!storyPublished) skip('needs the story the editor publishes')
  })

  it('opens the new story: body, byline and "Read more about:" links', async () => {
    const response = await readerPage.goto(`/articles/${STORY.slug}`)
    expect(response?.status()).toBe(200)
    await expect.poll(() => readerPage.locator('h1').textContent()).toBe(STORY.title)
    expect(await readerPage.locator('.story .body p').first().textContent()).toBe(STORY.paragraph)
    expect(await readerPage.locator('.story .body blockquote').textContent()).toBe(STORY.quote)
    expect(await readerPage.locator('.story .meta .byline').textContent()).toBe(`By ${BYLINE}`)
    expect(await readerPage.locator('.story .tags').textContent()).toContain(TAG.name)
    expect(await readerPage.locator('.read-more h2').textContent()).toBe('Read more about:')
    expect(await readerPage.locator('.read-more li').first().textContent()).toBe(RELATED.title)
    expect(await readerPage.locator('#comments-heading').textContent()).toBe('0 comments')
    await screenshot(readerPage, 'article-page')
  })

  it('follows a "Read more about" link to the related story', async () => {
    await Promise.all([
      readerPage.waitForURL(`**/articles/${RELATED.slug}`),
      readerPage.locator('.read-more a', { hasText: RELATED.title }).click(),
    ])
    await expect.poll(() => readerPage.locator('h1').textContent()).toBe(RELATED.title)
    await readerPage.goBack()
    await expect.poll(() => readerPage.locator('h1').textContent()).toBe(STORY.title)
  })

  it('posts a comment and is told it awaits moderation; it is not shown yet', async () => {
    await readerPage.fill('#comment-name', COMMENT.name)
    await readerPage.fill('#comment-email', 'anna.russky@example.com')
    await readerPage.fill('#comment-body', COMMENT.body)
    await readerPage.click('.comment-form button[type="submit"]')
    const status = readerPage.locator('.comment-form .form-status')
    await expect.poll(() => status.getAttribute('class')).toMatch(/\b(sent|error)\b/)
    expect(await status.textContent()).toMatch(/awaiting moderation/)

    await readerPage.reload()
    expect(await readerPage.locator('#comments-heading').textContent()).toBe('0 comments')
    expect(await readerPage.locator('.comments').textContent()).not.toContain(COMMENT.body)
  })

  it('is approved by an editor in the moderation view, which opens on the pending comments', async () => {
    const page = editorPage
    await page.goto('/admin/collections/comments')
    await page.waitForURL(/where%5Bstatus%5D%5Bequals%5D=pending|where\[status\]\[equals\]=pending/)
    const row = page.locator('tbody tr', { hasText: COMMENT.body })
    await row.waitFor()
    // The moderator sees which story the comment is on (the cell loads the title after the list).
    await row.locator('.cell-article', { hasText: STORY.title }).waitFor()
    await screenshot(page, 'moderation-view')

    await row.locator('.cell-_select input[type="checkbox"]').check()
    const toolbar = page.getByRole('toolbar', { name: 'Moderate the selected comments' })
    await toolbar.getByRole('button', { name: 'Approve' }).click()
    await page.getByText('1 comment approved.').waitFor()
    await row.waitFor({ state: 'detached' })

    const token = await staffToken('editor')
    const { body } = await getJSON<Paginated<Comment>>(`/comments?where[body][equals]=${encodeURIComponent(COMMENT.body)}`, { token })
    expect(body.docs.map(({ status }) => status)).toEqual(['approved'])
  })

  it('sees the approved comment on the story, with the count updated', async () => {
    await readerPage.reload()
    expect(await readerPage.locator('#comments-heading').textContent()).toBe('1 comment')
    const comment = readerPage.locator('.comments .comment')
    expect(await comment.count()).toBe(1)
    expect(await comment.locator('.comment-meta strong').textContent()).toBe(COMMENT.name)
    expect(await comment.locator('.comment-body').textContent()).toBe(COMMENT.body)
    expect(await readerPage.content()).not.toContain('anna.russky@example.com')
    await screenshot(readerPage, 'article-page-approved-comment')
  })
})

describe('the Content-Security-Policy', () => {
  it('came with every page the editor, the contributor and the reader opened, and the browser blocked nothing', async () => {
    const documents = (await Promise.all(policyWatches.map((watch) => watch.documents()))).flat()
    const paths = documents.map(({ url }) => new URL(url).pathname)
    expect(paths.filter((path) => path.startsWith('/admin')).length).toBeGreaterThan(3)
    expect(paths).toContain(`/articles/${STORY.slug}`)
    for (const { policy, url } of documents) {
      expect(policy, url).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/)
      expect(policy, url).toContain("frame-ancestors 'none'")
    }
    // Logging in, writing and publishing a story, the contributor's draft, reading, commenting, moderating.
    expect(policyWatches.flatMap((watch) => watch.violations)).toEqual([])
  })
})
