import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Loaded by Node, not bundled: its SQLite store imports drizzle-orm by a computed name at run time.
  serverExternalPackages: ['rate-limiter-flexible'],
  typescript: {
    // `npm test` type-checks the whole project (tests included) with `tsc --noEmit`; the build need not repeat it.
    ignoreBuildErrors: true,
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
