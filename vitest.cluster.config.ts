import { defineConfig } from 'vitest/config'

import { alias } from './vitest.shared'

/**
 * `npm run test:cluster`: two `next start` instances of the production build on one PostgreSQL
 * database (the machine's, 127.0.0.1:5432, or TEST_POSTGRES_URL), one Redis database (13 on
 * 127.0.0.1:6379, or REDIS_TEST_URL) and one S3 server (s3rver, started by the suite). The global
 * set-up checks Redis, then builds the app once (not with SKIP_BUILD=1).
 */
export default defineConfig({
  resolve: { alias },
  test: {
    environment: 'node',
    fileParallelism: false,
    globalSetup: ['tests/redis/globalSetup.ts', 'tests/cluster/globalSetup.ts'],
    hookTimeout: 180_000,
    include: ['tests/cluster/**/*.test.ts'],
    pool: 'forks',
    teardownTimeout: 60_000,
    testTimeout: 60_000,
  },
})
