import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { articles as seededArticles } from '@/seed/data/articles'
import { comments as seededComments } from '@/seed/data/comments'

import {
  connectBrowser,
  describeViolations,
  getJSON,
  newContext,
  seriousAxeViolations,
  watchContentSecurityPolicy,
} from './support'

const published = seededArticles.filter(({ publication }) => publication.status === 'published')
// A published story with a hero image, a quote, an approved thread and read-more links.
const STORY = published.find(({ slug }) => slug === 'pollock-catch-limit-cut-by-a-fifth-for-primorsky-fleet')!
const approved = seededComments.filter(({ article, status }) => article === STORY.slug && status === 'approved')

const PAGES = [
  { path: '/', status: 200 },
  { path: `/articles/${STORY.slug}`, status: 200 },
  { path: '/tags/climate', status: 200 },
  { path: '/authors/marina-volkova', status: 200 },
  { path: '/no-such-page', status: 404 },
  { path: '/articles/no-such-story', status: 404 },
]

/** One browser, with a context that runs JavaScript (its Content-Security-Policy reports watched) and one that does not. */
const openBrowser = async () => {
  const browser = await connectBrowser()
  const withJS = await newContext(browser)
  const policy = await watchContentSecurityPolicy(withJS)
  return { browser, policy, withJS, withoutJS: await newContext(browser, { javaScriptEnabled: false }) }
}

let session: Awaited<ReturnType<typeof openBrowser>>

beforeAll(async () => {
  session = await openBrowser()
})

afterAll(async () => {
  await session?.browser.close()
})

describe('the reference frontend, checked with axe-core (WCAG 2 A and AA)', () => {
  it.each(PAGES)('$path has no serious or critical violations', async ({ path, status }) => {
    const page = await session.withJS.newPage()
    try {
      const response = await page.goto(path)
      expect(response?.status()).toBe(status)
      await page.waitForLoadState('networkidle')
      const violations = await seriousAxeViolations(page)
      expect(violations, describeViolations(violations)).toEqual([])
    } finally {
      await page.close()
    }
  })
})

describe('the reference frontend under its Content-Security-Policy', () => {
  it('serves every page with a nonce-based policy, and the browser blocks nothing on them', async () => {
    const documents = await session.policy.documents()
    expect(documents.map(({ url }) => new URL(url).pathname)).toEqual(expect.arrayContaining(PAGES.map(({ path }) => path)))
    for (const { policy: header, url } of documents) expect(header, url).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/)
    expect(session.policy.violations).toEqual([])
  })
})

describe('the reference frontend with JavaScript disabled (server-rendered)', () => {
  it('lists the latest stories on the home page', async () => {
    const page = await session.withoutJS.newPage()
    const response = await page.goto('/')
    expect(response?.status()).toBe(200)
    const titles = await page.locator('.card h2 a').allTextContents()
    // The newest published stories as the API lists them: other files of the suite publish stories too.
    const { body: newest } = await getJSON<{ docs: { title: string }[] }>(`/articles?depth=0&limit=${titles.length}&sort=-publishedAt&select[title]=true`)
    expect(titles.length).toBeGreaterThan(0)
    expect([...titles].sort()).toEqual(newest.docs.map(({ title }) => title).sort())
    expect(await page.locator('.card .byline').first().textContent()).toMatch(/^By /)
    await page.close()
  })

  it('renders a story’s body, byline, related links and approved comments', async () => {
    const page = await session.withoutJS.newPage()
    const response = await page.goto(`/articles/${STORY.slug}`)
    expect(response?.status()).toBe(200)
    expect(await page.locator('h1').textContent()).toBe(STORY.title)
    const [firstParagraph] = STORY.body
    expect(await page.locator('.story .body p').first().textContent()).toBe(firstParagraph)
    expect(await page.locator('.story .body blockquote').count()).toBeGreaterThan(0)
    expect(await page.locator('.story .meta .byline').textContent()).toBe('By Marina Volkova')
    expect(await page.locator('.read-more li').count()).toBeGreaterThan(0)
    expect(await page.locator('#comments-heading').textContent()).toBe(`${approved.length} comments`)
    const bodies = await page.locator('.comments .comment-body').allTextContents()
    expect(bodies.sort()).toEqual(approved.map(({ body }) => body).sort())
    await page.close()
  })
})
