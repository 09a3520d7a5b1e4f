import type { NextRequest } from 'next/server'

import { randomBytes } from 'crypto'
import { NextResponse } from 'next/server'

import { env } from '@/env'
import { findMovedPath } from '@/frontend/redirects'
import { pageContentSecurityPolicy } from '@/http/contentSecurityPolicy'

const serverOrigin = new URL(env.serverURL).origin

/** Next.js's draft-mode cookie, set by the preview route (src/app/(frontend)/next/preview) only. */
const DRAFT_MODE_COOKIE = '__prerender_bypass'

/**
 * An old slug of a story, tag or author answers 301 (Moved Permanently) with the page at its
 * current slug, the status search engines and feed readers take as a permanent move. Next.js's own
 * `permanentRedirect()` answers 308, hence here. Only GET and HEAD outside draft preview (a preview
 * reads the draft by its own slug); each such page costs one lookup, and a live slug passes on.
 */
const redirectOldSlug = async (request: NextRequest): Promise<NextResponse | null> => {
  if ((request.method !== 'GET' && request.method !== 'HEAD') || request.cookies.has(DRAFT_MODE_COOKIE)) return null
  const moved = await findMovedPath(request.nextUrl.pathname)
  if (!moved) return null
  const location = request.nextUrl.clone()
  location.pathname = moved
  return NextResponse.redirect(location, 301)
}

/**
 * Gives every page a Content-Security-Policy with a fresh nonce. Next.js reads the nonce from the
 * request's policy and stamps it on the scripts it renders, so the same policy goes on the request
 * and on the response. Every page is rendered per request already (the frontend is
 * `force-dynamic`, the admin reads the session), so the nonce costs no caching.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const redirect = await redirectOldSlug(request)
  if (redirect) return redirect
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
