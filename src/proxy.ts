import type { NextRequest } from 'next/server'

import { randomBytes } from 'crypto'
import { NextResponse } from 'next/server'

import { env } from '@/env'
import { pageContentSecurityPolicy } from '@/http/contentSecurityPolicy'

const serverOrigin = new URL(env.serverURL).origin

/** Next.js's draft-mode cookie, set by the preview route (src/app/(frontend)/next/preview) only. */
const DRAFT_MODE_COOKIE = '__prerender_bypass'

/**
 * Gives every page a Content-Security-Policy with a fresh nonce. Next.js reads the nonce from the
 * request's policy and stamps it on the scripts it renders, so the same policy goes on the request
 * and on the response. Every page is rendered per request already (the frontend is
 * `force-dynamic`, the admin reads the session), so the nonce costs no caching.
 */
export function proxy(request: NextRequest): NextResponse {
  const area = /^\/admin(\/|$)/.test(request.nextUrl.pathname) ? 'admin' : 'frontend'
  // Only the cookie's presence can be seen here; a forged one buys framing by this site's own pages, nothing else.
  const framedByAdmin = area === 'frontend' && request.cookies.has(DRAFT_MODE_COOKIE)
  const policy = pageContentSecurityPolicy({
    area,
    development: env.isDevelopment,
    framedByAdmin,
    nonce: randomBytes(16).toString('base64'),
    serverOrigin,
  })
  const headers = new Headers(request.headers)
  headers.set('Content-Security-Policy', policy)
  const response = NextResponse.next({ request: { headers } })
  response.headers.set('Content-Security-Policy', policy)
  // Next.js applies next.config.mjs's headers first and this response's after: this replaces DENY.
  if (framedByAdmin) response.headers.set('X-Frame-Options', 'SAMEORIGIN')
  return response
}

export const config = {
  matcher: [
    {
      // Pages only: the API has its own policy (next.config.mjs), and static files run no scripts.
      source: '/((?!api(?:/|$)|_next/static/|_next/image|favicon\\.ico$).*)',
      // A prefetch fetches an RSC payload, not a document that a policy would govern.
      missing: [
        { key: 'next-router-prefetch', type: 'header' },
        { key: 'purpose', type: 'header', value: 'prefetch' },
      ],
    },
  ],
}
