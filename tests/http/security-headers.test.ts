import { NextRequest } from 'next/server'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { pageContentSecurityPolicy } from '@/http/contentSecurityPolicy'
import { proxy } from '@/proxy'

import nextConfig from '../../next.config.mjs'

const directives = (policy: null | string): Record<string, string[]> =>
  Object.fromEntries(
    (policy ?? '')
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .map(([name, ...sources]) => [name, sources]),
  )

const policyOf = (area: 'admin' | 'frontend', development = false) =>
  directives(pageContentSecurityPolicy({ area, development, nonce: 'bm9uY2U=', serverOrigin: 'https://cms.example' }))

describe('pageContentSecurityPolicy', () => {
  it('lets the frontend run only scripts with the nonce, and style only from files or with the nonce', () => {
    const policy = policyOf('frontend')
    expect(policy['script-src']).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"])
    expect(policy['style-src']).toEqual(["'self'", "'nonce-bm9uY2U='"])
    expect(policy['img-src']).toEqual(["'self'", 'https://cms.example'])
    expect(policy['connect-src']).toEqual(["'self'"])
    for (const name of ['object-src', 'base-uri', 'frame-ancestors']) expect(policy[name]).toEqual(["'none'"])
  })

  it('allows the admin inline styles and data:/blob: images, never inline scripts', () => {
    const policy = policyOf('admin')
    expect(policy['script-src']).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"])
    expect(policy['style-src']).toEqual(["'self'", "'unsafe-inline'"])
    expect(policy['img-src']).toEqual(["'self'", 'https://cms.example', 'data:', 'blob:'])
    expect(policy['connect-src']).toEqual(["'self'", 'https://cms.example'])
    expect(policy['frame-ancestors']).toEqual(["'none'"])
  })

  it('adds eval and inline styles only for next dev', () => {
    expect(policyOf('frontend', true)['script-src']).toContain("'unsafe-eval'")
    expect(policyOf('frontend', true)['style-src']).toContain("'unsafe-inline'")
    expect(policyOf('admin', false)['script-src']).not.toContain("'unsafe-eval'")
  })
})

describe('proxy', () => {
  const run = (path: string) => proxy(new NextRequest(`http://localhost:3000${path}`))

  it('puts one policy with a fresh nonce on the response and on the request Next.js renders', async () => {
    const first = await run('/articles/some-story')
    const second = await run('/articles/some-story')
    const policy = first.headers.get('content-security-policy')
    // NextResponse.next({ request }) hands the rewritten request headers to Next.js this way.
    expect(first.headers.get('x-middleware-request-content-security-policy')).toBe(policy)
    expect(directives(policy)['style-src']).toEqual(["'self'", expect.stringMatching(/^'nonce-/)])
    expect(policy).not.toBe(second.headers.get('content-security-policy'))
  })

  it('lets the site frame frontend pages in draft preview only (Live Preview), never the admin', async () => {
    const withDraftCookie = (path: string) =>
      proxy(new NextRequest(`http://localhost:3000${path}`, { headers: { Cookie: '__prerender_bypass=abc; payload-token=t' } }))
    const preview = await withDraftCookie('/articles/some-story')
    expect(directives(preview.headers.get('content-security-policy'))['frame-ancestors']).toEqual(["'self'"])
    expect(preview.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    const admin = await withDraftCookie('/admin/collections/articles/1')
    expect(directives(admin.headers.get('content-security-policy'))['frame-ancestors']).toEqual(["'none'"])
    expect(admin.headers.get('x-frame-options')).toBeNull()
    const reader = await run('/articles/some-story')
    expect(directives(reader.headers.get('content-security-policy'))['frame-ancestors']).toEqual(["'none'"])
    // next.config.mjs's DENY stands wherever the proxy sets nothing.
    expect(reader.headers.get('x-frame-options')).toBeNull()
  })

  it('gives admin pages the admin policy', async () => {
    for (const path of ['/admin', '/admin/collections/articles']) {
      expect(directives((await run(path)).headers.get('content-security-policy'))['style-src']).toContain("'unsafe-inline'")
    }
    expect(directives((await run('/administrators')).headers.get('content-security-policy'))['style-src']).not.toContain("'unsafe-inline'")
  })
})

describe('next.config.mjs', async () => {
  afterEach(() => vi.unstubAllEnvs())

  const headersFor = async (nodeEnv: string, source: string) => {
    vi.stubEnv('NODE_ENV', nodeEnv)
    const rules = await nextConfig.headers!()
    return Object.fromEntries(rules.filter((rule) => rule.source === source).flatMap((rule) => rule.headers.map(({ key, value }) => [key, value])))
  }

  it('sends HSTS in production only', async () => {
    expect((await headersFor('production', '/:path*'))['Strict-Transport-Security']).toBe('max-age=31536000; includeSubDomains')
    expect(await headersFor('development', '/:path*')).not.toHaveProperty('Strict-Transport-Security')
  })

  it('sends no X-Powered-By, from Next.js or from Payload', async () => {
    expect(nextConfig.poweredByHeader).toBe(false)
    const rules = await nextConfig.headers!()
    expect(rules.flatMap((rule) => rule.headers.map(({ key }) => key.toLowerCase()))).not.toContain('x-powered-by')
  })
})
