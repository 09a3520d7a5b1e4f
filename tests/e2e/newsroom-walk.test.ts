import type { Browser, BrowserContext, Page } from 'playwright-core'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Paginated } from '@/frontend/api'
import type { Article, AuditLog, Author } from '@/payload-types'

import { internalLink, paragraph, text } from '../richText/lexical'
import {
  baseURL,
  connectBrowser,
  demoLogin,
  getJSON,
  logInToAdmin,
  mailbox,
  networkQuiet,
  newContext,
  openDocument,
  pick,
  screenshot,
  screenshotOnFailure,
  staffToken,
  trackNetwork,
} from './support'

// Issue 14's walk through the desk, in order: a contributor files a story, an editor reviews it,
// sends it back, previews the second version, links it from another story and schedules it; the
// runner publishes it; the dashboard, the audit trail and the corrections show what happened.
const TITLE = 'Harbour pilots vote to strike over night shifts'
const EXCERPT = 'The pilots’ union says the new rota leaves one pilot on call for the whole port after midnight.'
const NOTE = 'Ask the port authority for its answer and put it in the dek.'
const CORRECTION = 'An earlier version gave the wrong date for the vote. It was held on Thursday.'
const HOST_TITLE = 'Port authority publishes its winter timetable'

let browser: Browser
let editor: BrowserContext
let editorPage: Page
let contributorPage: Page
let readerPage: Page
let editorToken: string
let story: Article
let host: Article
let scheduledFor: Date

const findStory = async (): Promise<Article> => {
  const { body } = await getJSON<Paginated<Article>>(`/articles?draft=true&depth=0&where[title][equals]=${encodeURIComponent(TITLE)}`, { token: editorToken })
  expect(body.docs).toHaveLength(1)
  return body.docs[0]
}

const openStory = (page: Page): Promise<void> => openDocument(page, `/admin/collections/articles/${story.id}`)

const latest = async (): Promise<Article> => (await getJSON<Article>(`/articles/${story.id}?draft=true&depth=0`, { token: editorToken })).body

const patch = async (path: string, body: unknown): Promise<void> => {
  const response = await fetch(`${baseURL()}/api${path}`, {
    body: JSON.stringify(body),
    headers: { Authorization: `JWT ${editorToken}`, 'Content-Type': 'application/json' },
    method: 'PATCH',
  })
  expect(response.status, `PATCH ${path}`).toBe(200)
}

/** What react-datepicker's "dayAndTime" input takes, in UTC (the browser contexts run in UTC). */
const pickerText = (date: Date): string => {
  const month = date.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' })
  const hours = date.getUTCHours()
  const minutes = String(date.getUTCMinutes()).padStart(2, '0')
  return `${month} ${date.getUTCDate()}, ${date.getUTCFullYear()} ${hours % 12 || 12}:${minutes} ${hours < 12 ? 'AM' : 'PM'}`
}

beforeAll(async () => {
  browser = await connectBrowser()
  editor = await newContext(browser, { timezoneId: 'UTC' })
  editorPage = await editor.newPage()
  trackNetwork(editorPage)
  contributorPage = await (await newContext(browser, { timezoneId: 'UTC' })).newPage()
  trackNetwork(contributorPage)
  readerPage = await (await newContext(browser)).newPage()
  editorToken = await staffToken('editor')
  const { body: authors } = await getJSON<Paginated<Author>>('/authors?limit=1&depth=0', { token: editorToken })
  const response = await fetch(`${baseURL()}/api/articles`, {
    body: JSON.stringify({ _status: 'published', authors: [authors.docs[0].id], title: HOST_TITLE }),
    headers: { Authorization: `JWT ${editorToken}`, 'Content-Type': 'application/json' },
    method: 'POST',
  })
  expect(response.status).toBe(201)
  host = ((await response.json()) as { doc: Article }).doc
  await logInToAdmin(contributorPage, 'contributor')
  await logInToAdmin(editorPage, 'editor')
})

afterAll(async () => {
  await browser?.close()
})

screenshotOnFailure('walk', () => ({ contributor: contributorPage, editor: editorPage }))

describe('the newsroom desk, from a contributor’s draft to a corrected story', () => {
  it('a contributor writes a story under their own byline and submits it for review', async () => {
    await contributorPage.goto('/admin/collections/articles/create')
    await contributorPage.locator('#field-title').fill(TITLE)
    await pick(contributorPage, 'field-authors', 'Tom', 'Tomás Ferreira')
    await contributorPage.locator('#action-save-draft').click()
    await contributorPage.waitForURL(/\/admin\/collections\/articles\/\d+/)
    story = await findStory()
    await networkQuiet(contributorPage)
    await contributorPage.getByRole('button', { name: 'Submit for review' }).click()
    await expect.poll(async () => (await latest()).workflow, { timeout: 30_000 }).toBe('inReview')
    await contributorPage.goto('/admin')
    await networkQuiet(contributorPage)
  })

  it('the editor gets the mail, finds it on the dashboard, previews it and requests changes', async () => {
    const editorEmail = demoLogin('editor').email
    const mailed = async () => (await mailbox()).find(({ subject, to }) => to.includes(editorEmail) && subject === `Ready for review: ${TITLE}`)
    await expect.poll(mailed, { timeout: 30_000 }).toBeDefined()
    // The mail links to the story in the admin.
    expect((await mailed())!.text).toContain(`/admin/collections/articles/${story.id}`)
    await editorPage.goto('/admin')
    const waiting = editorPage.locator('section[aria-label="Waiting for review"]')
    await waiting.getByRole('link', { name: TITLE }).waitFor()
    await screenshot(editorPage, 'walk-dashboard')
    await waiting.getByRole('link', { name: TITLE }).click()
    await editorPage.waitForURL(new RegExp(`/admin/collections/articles/${story.id}`))
    await openStory(editorPage)
    const [preview] = await Promise.all([editor.waitForEvent('page'), editorPage.locator('#preview-button').click()])
    await expect.poll(() => preview.locator('h1').textContent(), { timeout: 30_000 }).toBe(TITLE)
    await preview.close()
    await editorPage.locator('#field-reviewNote').fill(NOTE)
    await networkQuiet(editorPage)
    await editorPage.getByRole('button', { name: 'Request changes' }).click()
    await expect.poll(async () => (await latest()).workflow, { timeout: 30_000 }).toBe('changesRequested')
    await editorPage.goto('/admin')
    await networkQuiet(editorPage)
  })

  it('the contributor reads the note, edits the story and submits it again', async () => {
    // Typed once the form has settled: a value filled before the admin's scripts run marks nothing as changed.
    await openStory(contributorPage)
    await expect(contributorPage.locator('#field-reviewNote').inputValue()).resolves.toBe(NOTE)
    await contributorPage.locator('#field-excerpt').pressSequentially(EXCERPT)
    await expect.poll(() => contributorPage.locator('#action-save-draft').isEnabled(), { timeout: 30_000 }).toBe(true)
    await contributorPage.locator('#action-save-draft').click()
    await expect.poll(async () => (await latest()).excerpt, { timeout: 30_000 }).toBe(EXCERPT)
    await networkQuiet(contributorPage)
    await contributorPage.getByRole('button', { name: 'Submit for review' }).click()
    await expect.poll(async () => (await latest()).workflow, { timeout: 30_000 }).toBe('inReview')
    await contributorPage.goto('/admin')
    await networkQuiet(contributorPage)
  })

  it('the editor opens the review queue and previews the second version', async () => {
    await editorPage.goto('/admin')
    await editorPage.locator('section[aria-label="Waiting for review"]').getByRole('link', { name: 'Open the review queue' }).click()
    await editorPage.waitForURL((url) => url.searchParams.get('where[workflow][equals]') === 'inReview')
    await editorPage.locator('.table tbody tr', { hasText: TITLE }).waitFor()
    await screenshot(editorPage, 'walk-review-queue')
    await openStory(editorPage)
    const [preview] = await Promise.all([editor.waitForEvent('page'), editorPage.locator('#preview-button').click()])
    await preview.getByText(EXCERPT).waitFor({ timeout: 30_000 })
    await screenshot(preview, 'walk-preview')
    await preview.close()
  })

  it('the editor links it from another story’s body; readers see plain text until it is published', async () => {
    // Written over REST as the link drawer stores it: the drawer itself is checked by the rich-text suites.
    await patch(`/articles/${host.id}`, {
      content: { root: { children: [paragraph(text('Read '), internalLink('articles', story.id, 'the pilots’ vote'), text('.'))], direction: 'ltr', format: '', indent: 0, type: 'root', version: 1 } },
    })
    await readerPage.goto(`/articles/${host.slug}`)
    await readerPage.getByText('the pilots’ vote').waitFor()
    expect(await readerPage.locator(`a[href*="${story.slug}"]`).count()).toBe(0)
  })

  it('the editor schedules it from the Publish menu, and the desk lists it as scheduled', async () => {
    await openStory(editorPage)
    await editorPage.locator('#action-save-popup button').first().click()
    await editorPage.locator('#schedule-publish').click()
    // A minute or two ahead: the runner (every 10 s) publishes it during the next step. The drawer
    // preselects "Unpublish" for a story never published; the server schedules the publication
    // the editor meant (src/desk/intendedSchedule.ts).
    scheduledFor = new Date(Math.ceil((Date.now() + 75_000) / 60_000) * 60_000)
    const input = editorPage.locator('.schedule-publish__scheduler .date-time-picker__input-wrapper input').first()
    await input.fill(pickerText(scheduledFor))
    await input.press('Tab')
    await editorPage.locator('#scheduled-publish-save').click()
    await editorPage.getByText(/scheduled successfully/i).waitFor({ timeout: 30_000 })
    await editorPage.goto('/admin')
    await editorPage.locator('section[aria-label="Scheduled"]').getByRole('link', { name: TITLE }).waitFor()
  })

  it('it publishes at the scheduled time, and the story linking to it now links', { timeout: 330_000 }, async () => {
    const isPublic = async () => (await getJSON<Paginated<Article>>(`/articles?depth=0&where[slug][equals]=${story.slug}`)).body.totalDocs
    await expect.poll(isPublic, { interval: 2_000, timeout: scheduledFor.getTime() - Date.now() + 90_000 }).toBe(1)
    // Publishing closes the review.
    expect((await latest()).workflow).toBe('draft')
    // A job publishes outside a request, so the reference frontend's cached answers expire on their
    // own, after FRONTEND_REVALIDATE_SECONDS (60).
    await expect
      .poll(
        async () => {
          await readerPage.goto(`/articles/${host.slug}`)
          return readerPage.locator(`a[href$="/articles/${story.slug}"]`).count()
        },
        { interval: 5_000, timeout: 120_000 },
      )
      .toBe(1)
  })

  it('the dashboard, the audit trail and the story’s corrections show what happened', async () => {
    await editorPage.goto('/admin')
    await editorPage.locator('section[aria-label="Recently published"]').getByRole('link', { name: TITLE }).waitFor()
    await screenshot(editorPage, 'walk-dashboard-published')

    const { body: entries } = await getJSON<Paginated<AuditLog>>(`/audit-log?where[documentID][equals]=${story.id}&where[collection][equals]=articles&limit=100&sort=createdAt`, { token: editorToken })
    const actions = entries.docs.map(({ action }) => action)
    expect(actions).toEqual(expect.arrayContaining(['create', 'update', 'schedule', 'publish']))
    await editorPage.goto(`/admin/collections/audit-log?where[documentID][equals]=${story.id}`)
    await editorPage.locator('.table tbody tr').first().waitFor()
    const listed = (await editorPage.locator('.table tbody').textContent())?.toLowerCase() ?? ''
    for (const action of ['create', 'schedule', 'publish']) expect(listed).toContain(action)
    await screenshot(editorPage, 'audit-list')

    // The versions view names who saved each version: the contributor's drafts, the editor's publication.
    await editorPage.goto(`/admin/collections/articles/${story.id}/versions`)
    const versions = editorPage.locator('.versions .table tbody')
    await versions.locator('tr').first().waitFor()
    await expect.poll(() => versions.textContent(), { timeout: 30_000 }).toContain('Claire Dubois')
    expect(await versions.textContent()).toContain('Tomás Ferreira')
    await screenshot(editorPage, 'walk-versions')

    await openStory(editorPage)
    await editorPage.locator('#field-corrections').getByRole('button', { name: /Add Correction/i }).click()
    await editorPage.locator('#field-corrections__0__text').fill(CORRECTION)
    await editorPage.locator('#action-save').click()
    await expect.poll(async () => (await getJSON<Article>(`/articles/${story.id}?depth=0`)).body.corrections?.[0]?.text, { timeout: 30_000 }).toBe(CORRECTION)
    await readerPage.goto(`/articles/${story.slug}`)
    await expect.poll(() => readerPage.locator('.corrections').textContent(), { timeout: 30_000 }).toContain(CORRECTION)
    await screenshot(readerPage, 'walk-story-corrected')
  })
})
