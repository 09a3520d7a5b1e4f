/**
 * Security headers on the production build (`next start`): a nonce-based Content-Security-Policy
 * on the frontend and admin pages, a deny-all one on the API, the same hardening headers on every
 * answer (API JSON and uploaded files included), no `X-Powered-By`, and uploads named after what
 * their bytes are.
 */
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type RunningServer, startProductionServer, waitUntilServing } from '../helpers/server'

let server: RunningServer
let adminToken: string
let editorToken: string
const uploads: number[] = []

const json = (body: unknown, token?: string): RequestInit => ({
  body: JSON.stringify(body),
  headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `JWT ${token}` } : {}) },
  method: 'POST',
})

beforeAll(async () => {
  server = await startProductionServer({ PAYLOAD_SECRET: 'security-headers-test-secret' })
  await waitUntilServing(server)
  const registered = await fetch(
    `${server.url}/api/users/first-register`,
    json({ name: 'Header Admin', email: 'header-admin@newsroom.test', password: 'header-password-1' }),
  )
  adminToken = (await registered.json()).token
  const editor = { name: 'Header Editor', email: 'header-editor@newsroom.test', password: 'header-password-2', role: 'editor' }
  expect((await fetch(`${server.url}/api/users`, json(editor, adminToken))).status).toBe(201)
  const login = await fetch(`${server.url}/api/users/login`, json({ email: editor.email, password: editor.password }))
  editorToken = (await login.json()).token
}, 120_000)

afterAll(async () => {
  // The server writes into the project's own media/ folder: leave nothing behind in it.
  for (const id of uploads) {
    await fetch(`${server.url}/api/media/${id}`, { headers: { Authorization: `JWT ${adminToken}` }, method: 'DELETE' })
  }
  await server?.stop()
})

/** Splits a policy into its directives: `{ 'script-src': ["'self'", …] }`. */
const directives = (policy: null | string): Record<string, string[]> =>
  Object.fromEntries(
    (policy ?? '')
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, sources]),
  )

const expectHardened = (response: Response, what: string) => {
  const { headers } = response
  expect(headers.get('x-content-type-options'), what).toBe('nosniff')
  expect(headers.get('x-frame-options'), what).toBe('DENY')
  expect(headers.get('referrer-policy'), what).toBe('strict-origin-when-cross-origin')
  expect(headers.get('permissions-policy'), what).toMatch(/(^|, )camera=\(\)/)
  expect(headers.get('permissions-policy'), what).toMatch(/(^|, )geolocation=\(\)/)
  expect(headers.get('permissions-policy'), what).toMatch(/(^|, )microphone=\(\)/)
  expect(headers.get('strict-transport-security'), what).toBe('max-age=31536000; includeSubDomains')
  expect(headers.get('cross-origin-opener-policy'), what).toBe('same-origin')
  expect(headers.get('x-powered-by'), what).toBeNull()
}

/** The page's policy allows its own scripts by a per-response nonce, and nothing inline besides. */
const expectNoncePolicy = async (path: string) => {
  const [first, second] = [await fetch(`${server.url}${path}`), await fetch(`${server.url}${path}`)]
  expect(first.status, path).toBe(200)
  expectHardened(first, path)
  const policy = directives(first.headers.get('content-security-policy'))
  const nonce = /^'nonce-([A-Za-z0-9+/_=-]{16,})'$/.exec(policy['script-src']?.find((source) => source.startsWith("'nonce-")) ?? '')?.[1]
  expect(nonce, `${path}: script-src ${policy['script-src']}`).toBeDefined()
  expect(policy['script-src']).toContain("'strict-dynamic'")
  expect(policy['script-src']).not.toContain("'unsafe-inline'")
  expect(policy['script-src']).not.toContain("'unsafe-eval'")
  expect(policy['default-src']).toEqual(["'self'"])
  expect(policy['object-src']).toEqual(["'none'"])
  expect(policy['base-uri']).toEqual(["'none'"])
  expect(policy['frame-ancestors']).toEqual(["'none'"])
  expect(policy['form-action']).toEqual(["'self'"])
  expect(policy['img-src']).toContain("'self'")
  // Every script the page carries, inline or not, is one the policy lets run.
  const html = await first.text()
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag)
  expect(scripts.length, path).toBeGreaterThan(0)
  for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`)
  // A nonce an attacker saw once is worth nothing on the next response.
  const again = directives(second.headers.get('content-security-policy'))['script-src']
  expect(again).not.toContain(`'nonce-${nonce}'`)
  await second.body?.cancel()
  return policy
}

const upload = async (name: string, type: string, data: Buffer) => {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(data)], { type }), name)
  form.append('_payload', JSON.stringify({ alt: `Uploaded as ${name}` }))
  const response = await fetch(`${server.url}/api/media`, { body: form, headers: { Authorization: `JWT ${editorToken}` }, method: 'POST' })
  const body = await response.json()
  expect(response.status, JSON.stringify(body)).toBe(201)
  uploads.push(body.doc.id)
  return body.doc as { filename: string; mimeType: string; sizes: Record<string, { filename: null | string }>; url: string }
}

describe('the reference frontend', () => {
  it('is served under a nonce-based policy, with no inline styles allowed', async () => {
    const policy = await expectNoncePolicy('/')
    expect(policy['style-src']).not.toContain("'unsafe-inline'")
    expect(policy['connect-src']).toEqual(["'self'"])
  })

  it('sends the same headers on its 404 page', async () => {
    const response = await fetch(`${server.url}/no-such-page`)
    expect(response.status).toBe(404)
    expectHardened(response, '/no-such-page')
    expect(directives(response.headers.get('content-security-policy'))['frame-ancestors']).toEqual(["'none'"])
  })
})

describe('the admin panel', () => {
  it('is served under a nonce-based policy (inline styles allowed, inline scripts not)', async () => {
    const policy = await expectNoncePolicy('/admin/login')
    // Payload's layout renders a <style> without the nonce; its toasts and selects inject more.
    expect(policy['style-src']).toEqual(["'self'", "'unsafe-inline'"])
  })
})

describe('the REST API', () => {
  it('answers JSON with the hardening headers and a policy that allows nothing', async () => {
    const response = await fetch(`${server.url}/api/articles`)
    expect(response.status).toBe(200)
    expectHardened(response, '/api/articles')
    expect(directives(response.headers.get('content-security-policy'))).toEqual({
      'default-src': ["'none'"],
      'frame-ancestors': ["'none'"],
    })
  })

  it('marks publicly cacheable answers as varying by Origin, since CORS echoes allowed origins', async () => {
    const sameOrigin = await fetch(`${server.url}/api/articles`, { headers: { Origin: server.url } })
    const elsewhere = await fetch(`${server.url}/api/articles`, { headers: { Origin: 'https://elsewhere.example' } })
    expect(sameOrigin.headers.get('access-control-allow-origin')).toBe(server.url)
    expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull()
    for (const response of [sameOrigin, elsewhere]) {
      expect(response.headers.get('cache-control')).toMatch(/^public/)
      expect(response.headers.get('vary')?.split(/,\s*/)).toEqual(expect.arrayContaining(['Origin', 'Authorization', 'Cookie']))
    }
  })

  it('sends the hardening headers on GraphQL answers and errors too', async () => {
    const graphql = await fetch(`${server.url}/api/graphql`, json({ query: '{ Tags { totalDocs } }' }))
    const missing = await fetch(`${server.url}/api/no-such-collection`)
    expect(graphql.status).toBe(200)
    expect(missing.status).toBe(404)
    expectHardened(graphql, '/api/graphql')
    expectHardened(missing, '/api/no-such-collection')
  })
})

describe('uploaded files', () => {
  it('are stored under the extension of their real type and served as it, with nosniff', async () => {
    const png = await sharp({ create: { background: '#36c', channels: 3, height: 8, width: 8 } }).png().toBuffer()
    const stamp = Date.now()
    const doc = await upload(`headers-${stamp}.html`, 'text/html', png)
    expect(doc.filename).toBe(`headers-${stamp}.png`)
    expect(doc.mimeType).toBe('image/png')
    expect(doc.url).toMatch(new RegExp(`/api/media/file/headers-${stamp}\\.png$`))
    for (const size of Object.values(doc.sizes)) if (size.filename) expect(size.filename).toMatch(/\.png$/)

    const file = await fetch(doc.url, { headers: { Origin: server.url } })
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('image/png')
    expectHardened(file, doc.url)
    expect(file.headers.get('vary')?.split(/,\s*/)).toContain('Origin')
    expect(Buffer.from(await file.arrayBuffer()).equals(png)).toBe(true)

    const html = await fetch(`${server.url}/api/media/file/headers-${stamp}.html`)
    expect(html.status).not.toBe(200)
    await html.body?.cancel()
  })

  it('turn a JPEG named .png into .jpg', async () => {
    const jpeg = await sharp({ create: { background: '#c63', channels: 3, height: 8, width: 8 } }).jpeg().toBuffer()
    const stamp = Date.now()
    const doc = await upload(`photo-${stamp}.png`, 'image/png', jpeg)
    expect(doc.filename).toBe(`photo-${stamp}.jpg`)
    const file = await fetch(doc.url)
    expect(file.headers.get('content-type')).toBe('image/jpeg')
    expect(file.headers.get('x-content-type-options')).toBe('nosniff')
    await file.body?.cancel()
  })
})

describe('static files', () => {
  it('carry the hardening headers too', async () => {
    const favicon = await fetch(`${server.url}/favicon.ico`)
    expect(favicon.status).toBe(200)
    expectHardened(favicon, '/favicon.ico')
  })
})
