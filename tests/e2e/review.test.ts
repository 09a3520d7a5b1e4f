import type { Browser, Page } from 'playwright-core'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Paginated } from '@/frontend/api'
import type { Article, Author } from '@/payload-types'

import {
  baseURL,
  connectBrowser,
  getJSON,
  logInToAdmin,
  networkQuiet,
  newContext,
  openDocument,
  screenshot,
  screenshotOnFailure,
  staffToken,
  trackNetwork,
} from './support'

const TITLE = 'Ferry crews and the operator agree to talks'
const NOTE = 'Add the operator’s answer before this goes out.'

let browser: Browser
let contributorPage: Page
let editorPage: Page
let story: Article
let editorToken: string

/** The story's latest draft as the editor reads it over REST. */
const latest = async () => (await getJSON<Article>(`/articles/${story.id}?draft=true&depth=0`, { token: editorToken })).body

beforeAll(async () => {
  browser = await connectBrowser()
  contributorPage = await (await newContext(browser)).newPage()
  editorPage = await (await newContext(browser)).newPage()
  trackNetwork(contributorPage)
  trackNetwork(editorPage)
  editorToken = await staffToken('editor')
  // The contributor's draft, filed over REST under their own byline (the demo links Tomás Ferreira to them).
  const token = await staffToken('contributor')
  const { body: bylines } = await getJSON<Paginated<Author>>('/authors?where[slug][equals]=tomas-ferreira&depth=0', { token })
  const response = await fetch(`${baseURL()}/api/articles?draft=true`, {
    body: JSON.stringify({ authors: [bylines.docs[0].id], title: TITLE }),
    headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
    method: 'POST',
  })
  expect(response.status).toBe(201)
  story = ((await response.json()) as { doc: Article }).doc
})

afterAll(async () => {
  await browser?.close()
})

screenshotOnFailure('review', () => ({ contributor: contributorPage, editor: editorPage }))

describe('the review step in the admin panel', () => {
  it('lets a contributor submit their draft for review from the document controls', async () => {
    await logInToAdmin(contributorPage, 'contributor')
    await openDocument(contributorPage, `/admin/collections/articles/${story.id}`)
    const submit = contributorPage.getByRole('button', { name: 'Submit for review' })
    await submit.waitFor()
    // A contributor reviews nothing: no Request changes, and no Publish.
    expect(await contributorPage.getByRole('button', { name: 'Request changes' }).count()).toBe(0)
    // Clicked once the admin's scripts have taken over the server-rendered button.
    await networkQuiet(contributorPage)
    await submit.click()
    await expect.poll(async () => (await latest()).workflow, { timeout: 30_000 }).toBe('inReview')
    await contributorPage.getByRole('button', { name: 'Submit for review' }).waitFor({ state: 'detached' })
  })

  it('shows the editor the story on the desk dashboard and in the review queue', async () => {
    await logInToAdmin(editorPage, 'editor')
    await editorPage.goto('/admin')
    const waiting = editorPage.locator('section[aria-label="Waiting for review"]')
    await waiting.getByRole('link', { name: TITLE }).waitFor()
    await expect(editorPage.locator('section[aria-label="Pending comments"]').textContent()).resolves.toMatch(/\d+ awaiting moderation/)
    await screenshot(editorPage, 'desk-dashboard')

    await waiting.getByRole('link', { name: 'Open the review queue' }).click()
    await editorPage.waitForURL((url) => url.searchParams.get('where[workflow][equals]') === 'inReview')
    await editorPage.getByRole('link', { name: 'Waiting for review (2)' }).waitFor()
    const row = editorPage.locator('.table tbody tr', { hasText: TITLE })
    await row.waitFor()
    await expect(row.textContent()).resolves.toContain('In review')
    // The queue holds only stories in review: the seed's contributor draft and this one.
    await expect(editorPage.locator('.table tbody tr').count()).resolves.toBe(2)
    await screenshot(editorPage, 'review-queue')
  })

  it('lets the editor request changes with a note, which the contributor then reads', async () => {
    await openDocument(editorPage, `/admin/collections/articles/${story.id}`)
    await editorPage.locator('#field-reviewNote').fill(NOTE)
    await networkQuiet(editorPage)
    await editorPage.getByRole('button', { name: 'Request changes' }).click()
    await expect.poll(async () => (await latest()).workflow, { timeout: 30_000 }).toBe('changesRequested')
    expect((await latest()).reviewNote).toBe(NOTE)

    await openDocument(contributorPage, `/admin/collections/articles/${story.id}`)
    await expect(contributorPage.locator('#field-reviewNote').inputValue()).resolves.toBe(NOTE)
    await contributorPage.getByRole('button', { name: 'Submit for review' }).waitFor()
  })
})
