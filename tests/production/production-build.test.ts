import fs from 'fs/promises'
import path from 'path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { root, type RunningServer, startProductionServer, waitUntilServing } from '../helpers/server'

let server: RunningServer

// The build comes from tests/production/globalSetup.ts.
beforeAll(async () => {
  server = await startProductionServer({ PAYLOAD_SECRET: 'production-test-secret' })
  await waitUntilServing(server)
}, 600_000)
afterAll(async () => server?.stop())

describe('production build (next build + next start)', () => {
  it('applies the migrations to a fresh database at start-up and serves an empty REST API', async () => {
    const response = await fetch(`${server.url}/api/articles`)
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ docs: [], totalDocs: 0 })
  })

  it('never seeds: a fresh production database offers create-first-user', async () => {
    const admin = await fetch(`${server.url}/admin`, { redirect: 'manual' })
    expect([200, 307, 308]).toContain(admin.status)
    const page = await fetch(`${server.url}/admin/create-first-user`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<html')

    const users = await fetch(`${server.url}/api/users/init`)
    expect(await users.json()).toEqual({ initialized: false })
  })

  it('makes the first registered user an admin, with a secure session cookie', async () => {
    const response = await fetch(`${server.url}/api/users/first-register`, {
      body: JSON.stringify({ name: 'First Admin', email: 'first@newsroom.test', password: 'first-password-1' }),
      headers: { 'Content-Type': 'application/json' },
      method: 'POST',
    })
    expect(response.status).toBe(200)
    const { token, user } = await response.json()
    expect(user.role).toBe('admin')
    expect(response.headers.get('set-cookie')).toMatch(/Secure/i)

    const me = await fetch(`${server.url}/api/users/me`, { headers: { Authorization: `JWT ${token}` } })
    expect((await me.json()).user.email).toBe('first@newsroom.test')
  })

  it('stores an upload under media/ and serves it back', async () => {
    const login = await fetch(`${server.url}/api/users/login`, {
      body: JSON.stringify({ email: 'first@newsroom.test', password: 'first-password-1' }),
      headers: { 'Content-Type': 'application/json' },
      method: 'POST',
    })
    const { token } = await login.json()
    const png = await sharp({ create: { background: '#c33', channels: 3, height: 8, width: 8 } }).png().toBuffer()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), `prod-check-${Date.now()}.png`)
    form.append('_payload', JSON.stringify({ alt: 'A red square' }))

    const upload = await fetch(`${server.url}/api/media`, {
      body: form,
      headers: { Authorization: `JWT ${token}` },
      method: 'POST',
    })
    expect(upload.status).toBe(201)
    const { doc } = await upload.json()
    try {
      await fs.access(path.join(root, 'media', doc.filename))
      const file = await fetch(doc.url)
      expect(file.status).toBe(200)
      expect(file.headers.get('content-type')).toBe('image/png')
      // Left as Payload serves it: the JSON API's `private, no-store` would stop browsers caching images.
      expect(file.headers.get('cache-control') ?? '').not.toContain('no-store')
    } finally {
      await fetch(`${server.url}/api/media/${doc.id}`, { headers: { Authorization: `JWT ${token}` }, method: 'DELETE' })
    }
  })

  it('serves GraphQL', async () => {
    const response = await fetch(`${server.url}/api/graphql`, {
      body: JSON.stringify({ query: '{ Articles { totalDocs } Tags { totalDocs } }' }),
      headers: { 'Content-Type': 'application/json' },
      method: 'POST',
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ data: { Articles: { totalDocs: 0 }, Tags: { totalDocs: 0 } } })
  })

  it('serves /favicon.ico and every icon the frontend and admin pages link, as images', async () => {
    const hrefs = new Set(['/favicon.ico'])
    for (const page of ['/', '/admin/create-first-user']) {
      const html = await (await fetch(`${server.url}${page}`)).text()
      const links = [...html.matchAll(/<link\b[^>]*\brel="(?:shortcut )?icon"[^>]*>/g)].map(([tag]) => /\bhref="([^"]+)"/.exec(tag)?.[1])
      expect(links.length, `${page} links no icon`).toBeGreaterThan(0)
      for (const href of links) hrefs.add(href!.replaceAll('&amp;', '&'))
    }
    for (const href of hrefs) {
      const icon = await fetch(new URL(href, server.url))
      expect(icon.status, href).toBe(200)
      expect(icon.headers.get('content-type'), href).toMatch(/^image\//)
    }
  })

  it('refuses to start without PAYLOAD_SECRET, naming the variable', async () => {
    const unconfigured = await startProductionServer({ PAYLOAD_SECRET: '' })
    try {
      await expect(waitUntilServing(unconfigured, 60_000)).rejects.toThrow(/PAYLOAD_SECRET/)
    } finally {
      await unconfigured.stop()
    }
  }, 90_000)
})
