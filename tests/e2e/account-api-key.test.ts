import type { Browser } from 'playwright-core'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  baseURL,
  connectBrowser,
  demoLogin,
  getJSON,
  logInToAdmin,
  networkQuiet,
  newContext,
  screenshot,
  staffToken,
  trackNetwork,
} from './support'

let browser: Browser

beforeAll(async () => {
  browser = await connectBrowser()
})
afterAll(async () => {
  // Leave the demo author as seeded: its name, and no key.
  const token = await staffToken('author')
  const { body } = await getJSON<{ user: { id: number } }>('/users/me', { token })
  const account = `${baseURL()}/api/users/${body.user.id}`
  const headers = { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' }
  await fetch(account, { body: JSON.stringify({ name: demoLogin('author').name }), headers, method: 'PATCH' })
  await fetch(`${account}/api-key`, { headers, method: 'DELETE' })
  await browser?.close()
})

describe('an author’s API key in the admin panel', () => {
  it('is created by the server after the current password, shown once, and the account still saves', async () => {
    const context = await newContext(browser)
    try {
      const page = await context.newPage()
      trackNetwork(page)
      await logInToAdmin(page, 'author')
      await page.goto('/admin/account')
      await page.waitForSelector('#api-key-status')
      // Payload's own key controls, which make the key in the browser, are not offered.
      expect(await page.locator('#generate-api-key').count()).toBe(0)
      expect(await page.locator('#api-key-create').isDisabled()).toBe(true)

      await page.fill('#api-key-current-password', 'not-the-password')
      await page.click('#api-key-create')
      await page.getByText('The current password (currentPassword) is incorrect.').waitFor()

      await page.fill('#api-key-current-password', demoLogin('author').password)
      await page.click('#api-key-create')
      const apiKey = await (await page.waitForSelector('#issued-api-key')).inputValue()
      expect(apiKey).toMatch(/^[A-Za-z0-9_-]{43}$/)
      await screenshot(page, 'admin-account-api-key')
      const me = await getJSON<{ user: null | { email: string } }>('/users/me', {
        headers: { Authorization: `users API-Key ${apiKey}` },
      })
      expect(me.body.user?.email).toBe(demoLogin('author').email)

      // The account form still saves as before: it sends no key of its own. Typed once the page has
      // reloaded the account the key changed, or Payload warns that the form's data is stale.
      await networkQuiet(page)
      await page.fill('#field-name', `${demoLogin('author').name} (API)`)
      await page.click('#action-save')
      await page
        .getByText(/successfully/i)
        .first()
        .waitFor()

      // Shown once: a reload offers no key, only that there is one.
      await page.reload()
      await page.waitForSelector('#api-key-status')
      expect(await page.locator('#issued-api-key').count()).toBe(0)
      expect(await page.locator('#api-key-status').innerText()).toContain('This account has an API key.')
    } finally {
      await context.close()
    }
  })
})
