import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'

import { readFile } from 'fs/promises'
import { createRequire } from 'module'
import path from 'path'
import { chromium } from 'playwright-core'
import { beforeEach, inject } from 'vitest'

import type { Role } from '@/access/roles'

import { demoLogins } from '@/seed/data/users'

import type { Mail } from '../helpers/smtp'

import { ARTIFACTS_DIR, MAILBOX } from './constants'

export const baseURL = (): string => inject('baseURL')

/** Connects to the suite's one Chromium, started by the global set-up. */
export const connectBrowser = (): Promise<Browser> => chromium.connect(inject('browserWSEndpoint'))

export const newContext = (browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> =>
  browser.newContext({ baseURL: baseURL(), viewport: { height: 900, width: 1280 }, ...options })

export const demoLogin = (role: Role) => demoLogins.find((login) => login.role === role)!

/** Saves a full-page screenshot under tests/e2e/artifacts/ for a person to look at. */
export const screenshot = async (page: Page, name: string): Promise<void> => {
  await page.screenshot({ fullPage: true, path: path.join(ARTIFACTS_DIR, `${name}.png`) })
}

const traffic = new WeakMap<Page, { inFlight: number; lastChange: number }>()

/** Starts counting a page's requests, for `networkQuiet`. */
export const trackNetwork = (page: Page): void => {
  const state = { inFlight: 0, lastChange: Date.now() }
  traffic.set(page, state)
  const change = (delta: number) => () => {
    state.inFlight = Math.max(0, state.inFlight + delta)
    state.lastChange = Date.now()
  }
  page.on('request', change(1))
  page.on('requestfinished', change(-1))
  page.on('requestfailed', change(-1))
}

/**
 * Waits until a tracked page has had no request in flight for `quietMs`. The admin fetches the form's
 * state from the server after each change, and a new array row is a placeholder until that answer
 * arrives: a row added while the form was still busy was seen to stay one, so the suite adds rows
 * to a settled form.
 */
export const networkQuiet = async (page: Page, quietMs = 750, timeoutMs = 60_000): Promise<void> => {
  const state = traffic.get(page)
  if (!state) throw new Error('networkQuiet: call trackNetwork(page) first')
  const deadline = Date.now() + timeoutMs
  while (state.inFlight > 0 || Date.now() - state.lastChange < quietMs) {
    if (Date.now() > deadline) throw new Error(`The page still had ${state.inFlight} requests in flight after ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/**
 * Opens a document in the admin, as the next person on the desk, on a tracked page. Payload's edit
 * form locks a document while it is open and locks it again after a save (the form-state request
 * that follows the save takes a fresh lock), so whoever saved it last may still hold it for five
 * minutes: this person takes it over, as Payload's "Document locked" dialog offers. Returns once the
 * form has settled.
 */
export const openDocument = async (page: Page, path: string): Promise<void> => {
  await page.goto(path)
  await page.locator('#field-title').waitFor()
  await networkQuiet(page)
  const takeOver = page.locator('#document-locked-take-over')
  if (await takeOver.isVisible()) {
    await takeOver.click()
    await takeOver.waitFor({ state: 'hidden' })
    await networkQuiet(page)
  }
}

/**
 * Screenshots each named page of a test that fails, as `failed-<file>-<test>-<page>.png`. The pages
 * are read when the test fails, so a file may open them in `beforeAll`.
 */
export const screenshotOnFailure = (file: string, pages: () => Record<string, Page | undefined>): void => {
  beforeEach(({ onTestFailed, task }) => {
    onTestFailed(async () => {
      const name = `failed-${file}-${task.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 50).replace(/-+$/, '')}`
      for (const [who, page] of Object.entries(pages())) if (page) await screenshot(page, `${name}-${who}`).catch(() => undefined)
    })
  })
}

/** The mail the app has sent so far in this run (globalSetup's SMTP server writes MAILBOX). */
export const mailbox = async (): Promise<Mail[]> => {
  const lines = await readFile(MAILBOX, 'utf8').catch(() => '')
  return lines
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Mail)
}

export type PolicyWatch = {
  /** Each page (document) the context loaded, with the Content-Security-Policy it was served under. */
  documents: () => Promise<{ policy: null | string; url: string }[]>
  /** What the browser blocked: Chromium's console reports and `securitypolicyviolation` events. */
  violations: string[]
}

/**
 * Watches a browser context for Content-Security-Policy violations and records the policy of
 * every page it loads. Playwright injects the listener and its binding outside the page's policy.
 */
export const watchContentSecurityPolicy = async (context: BrowserContext): Promise<PolicyWatch> => {
  const violations: string[] = []
  const documents: Promise<{ policy: null | string; url: string }>[] = []
  await context.exposeBinding('reportPolicyViolation', (_source, violation: string) => {
    violations.push(violation)
  })
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportPolicyViolation: (violation: string) => void }).reportPolicyViolation
      report(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline code'} on ${event.documentURI} (${event.sourceFile}:${event.lineNumber})`)
    })
  })
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`console: ${message.text()}`)
  })
  context.on('response', (response) => {
    const redirect = response.status() >= 300 && response.status() < 400
    if (response.request().resourceType() !== 'document' || redirect) return
    documents.push(response.headerValue('content-security-policy').then((policy) => ({ policy, url: response.url() })))
  })
  return { documents: () => Promise.all(documents), violations }
}

/** Logs in through the admin's own login form, as a person would. */
export const logInToAdmin = async (page: Page, role: Role): Promise<void> => {
  const { email, password } = demoLogin(role)
  await page.goto('/admin/login')
  await page.fill('input[name="email"]', email)
  await page.fill('input[name="password"]', password)
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/admin/login')), page.click('button[type="submit"]')])
  await page.waitForSelector('.dashboard, .collection-list, .collection-edit', { timeout: 60_000 })
}

/** Logs in over REST and returns the token, for set-up and checks that need a staff view. */
export const staffToken = async (role: Role): Promise<string> => {
  const { email, password } = demoLogin(role)
  const response = await fetch(`${baseURL()}/api/users/login`, {
    body: JSON.stringify({ email, password }),
    headers: { 'Content-Type': 'application/json' },
    method: 'POST',
  })
  if (!response.ok) throw new Error(`Logging in as ${role} answered ${response.status}`)
  return ((await response.json()) as { token: string }).token
}

/** GET on the REST API; JSON body and status. */
export const getJSON = async <T = any>(
  pathWithQuery: string,
  { headers = {}, token }: { headers?: Record<string, string>; token?: string } = {},
): Promise<{ body: T; status: number }> => {
  const response = await fetch(`${baseURL()}/api${pathWithQuery}`, {
    headers: { Accept: 'application/json', ...(token ? { Authorization: `JWT ${token}` } : {}), ...headers },
  })
  return { body: (await response.json()) as T, status: response.status }
}

export type GraphQLResult<T> = { data?: T; errors?: { message: string }[] }

/** A minimal GraphQL client: one POST with the query and its variables, as a frontend would send it. */
export const graphqlQuery = async <T = any>(
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ body: GraphQLResult<T>; status: number }> => {
  const response = await fetch(`${baseURL()}/api/graphql`, {
    body: JSON.stringify({ query, variables }),
    headers: { 'Content-Type': 'application/json' },
    method: 'POST',
  })
  return { body: (await response.json()) as GraphQLResult<T>, status: response.status }
}

let readers = 0

/**
 * A new reader's address for the comment API, from the documentation prefix 2001:db8::/32. The
 * suite's server trusts one proxy (TRUST_PROXY=1), so each REST comment comes from its own /64 and
 * none waits out another's flood allowance.
 */
export const nextReaderAddress = (): string => `2001:db8:${(process.pid % 0xffff).toString(16)}:${(++readers).toString(16)}::1`

export type AxeViolation = { id: string; impact: null | string; nodes: { target: unknown[] }[] }

const axeScript = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

/** Runs axe-core's WCAG 2 A and AA rules on the page and returns the serious and critical violations. */
export const seriousAxeViolations = async (page: Page): Promise<AxeViolation[]> => {
  await page.addScriptTag({ path: axeScript })
  const violations = await page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> }
    }
    return (await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] })).violations
  })
  return violations.filter(({ impact }) => impact === 'serious' || impact === 'critical')
}

export const describeViolations = (violations: AxeViolation[]): string =>
  violations
    .map(({ id, impact, nodes }) => `${impact} ${id}: ${nodes.map(({ target }) => target.join(' ')).join(', ')}`)
    .join('\n')

/** Picks an option in one of the admin's relationship selects (react-select), searching for it first. */
export const pick = async (page: Page, fieldID: string, search: string, option: string): Promise<void> => {
  await page.click(`#${fieldID} .rs__control`)
  await page.keyboard.type(search)
  await page.locator(`#${fieldID} .rs__option`, { hasText: option }).click()
  await page.locator(`#${fieldID} .rs__multi-value, #${fieldID} .rs__single-value`, { hasText: option }).first().waitFor()
}
