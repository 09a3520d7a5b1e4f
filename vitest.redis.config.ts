import { defineConfig } from 'vitest/config'

import { alias } from './vitest.shared'

/**
 * `npm run test:redis`: what REDIS_URL shares between server instances (flood control, login
 * throttling, Next.js's cache), against a real Redis server (127.0.0.1:6379, or REDIS_TEST_URL).
 * `npm test` never needs one.
 */
export default defineConfig({
  resolve: { alias },
  test: {
    environment: 'node',
    globalSetup: ['tests/redis/globalSetup.ts'],
    hookTimeout: 120_000,
    include: ['tests/redis/**/*.test.ts'],
    // Each file has a Redis database of its own, chosen by its worker (tests/helpers/redis.ts).
    maxWorkers: 2,
    pool: 'forks',
    testTimeout: 60_000,
  },
})
