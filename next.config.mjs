import { withPayload } from '@payloadcms/next/withPayload'
import process from 'node:process'
import { fileURLToPath, URL } from 'node:url'

import { parseRedisURL } from './src/redis/client.mjs'

/**
 * Sent with every answer: pages, API JSON, uploaded files and static assets. Pages add a
 * nonce-based Content-Security-Policy in src/proxy.ts.
 *
 * @param {{ production: boolean }} options
 */
export const securityHeaders = ({ production }) => [
  // Browsers take the declared type of a file (an upload, a script) and never guess another.
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // For browsers without CSP `frame-ancestors`: no page, the admin included, can be framed.
  { key: 'X-Frame-Options', value: 'DENY' },
  // Admin and draft URLs stay on this site; other sites see only the origin.
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  {
    key: 'Permissions-Policy',
    value:
      'accelerometer=(), autoplay=(), browsing-topics=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=()',
  },
  // A window this site opens, or that opens it, gets no handle on the other.
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  // Only production is served over HTTPS; `next dev` on http://localhost must not pin it.
  ...(production ? [{ key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' }] : []),
]

/** JSON and uploaded files are data, never documents: nothing in them may load or run, or be framed. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'"

/**
 * With REDIS_URL, Next.js's cache (the reference frontend's API answers, tagged and cleared by
 * `revalidateTag`) lives in Redis, shared by every instance, and none is kept in process memory.
 * `next build` bundles the handler into the server's chunks and `next start` reads this file
 * again: build and start with the same REDIS_URL (a build made with it fails requests without it).
 */
const redisURL = parseRedisURL(process.env.REDIS_URL)
const sharedCache = redisURL
  ? { cacheHandler: fileURLToPath(new URL('./src/redis/cacheHandler.mjs', import.meta.url)), cacheMaxMemorySize: 0 }
  : {}

/** @type {import('next').NextConfig} */
const nextConfig = {
  ...sharedCache,
  headers: async () => [
    { headers: securityHeaders({ production: process.env.NODE_ENV !== 'development' }), source: '/:path*' },
    // The GraphQL playground (development only) is an HTML page with scripts of its own.
    { headers: [{ key: 'Content-Security-Policy', value: API_CONTENT_SECURITY_POLICY }], source: '/api/:path((?!graphql-playground$).*)' },
  ],
  // No `X-Powered-By` from Next.js, and none from Payload: `withPayload` adds its own only when this is unset.
  poweredByHeader: false,
  // Loaded by Node, not bundled: its SQLite store imports drizzle-orm by a computed name at run time.
  serverExternalPackages: ['rate-limiter-flexible'],
  typescript: {
    // `npm test` type-checks the whole project (tests included) with `tsc --noEmit`; the build need not repeat it.
    ignoreBuildErrors: true,
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
