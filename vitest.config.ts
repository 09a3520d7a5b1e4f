import { defineConfig } from 'vitest/config'

import { alias } from './vitest.shared'

/** Suites that need PostgreSQL whatever the run's dialect: only `npm run test:postgres` runs them. */
export const POSTGRES_ONLY = 'tests/postgres/**'

export default defineConfig({
  resolve: { alias },
  test: {
    environment: 'node',
    // The production suite's files share one `next build` (skipped with SKIP_BUILD=1).
    globalSetup: process.env.TEST_PRODUCTION ? ['tests/production/globalSetup.ts'] : [],
    hookTimeout: 120_000,
    // The production-build suite builds and serves the app; `npm run test:production` runs it apart.
    // The browser suite (`npm run test:e2e`) has its own config, vitest.e2e.config.ts.
    include: process.env.TEST_PRODUCTION ? ['tests/production/**/*.test.ts'] : ['tests/**/*.test.ts'],
    // The cluster, Redis, S3, replica and PostgreSQL suites (`npm run test:cluster`, `test:redis`, `test:s3`, `test:replica`, `test:postgres`) need servers; `npm test` needs none.
    exclude: ['**/node_modules/**', 'tests/e2e/**', 'tests/fresh-clone/**', 'tests/integrity/**', 'tests/cluster/**', 'tests/redis/**', 'tests/replica/**', 'tests/s3/**', POSTGRES_ONLY, ...(process.env.TEST_PRODUCTION ? [] : ['tests/production/**'])],
    // One Payload instance per test file, each in its own process and temporary database.
    maxWorkers: 2,
    pool: 'forks',
    testTimeout: 60_000,
  },
})
