import { defineConfig } from 'vitest/config'

import { alias } from './vitest.shared'

/**
 * `npm run test:e2e`: the browser suite. The global set-up builds the app once (not with
 * SKIP_BUILD=1), serves it on a fresh database with the demo seed and starts one Chromium; the
 * test files share both and run one after another.
 */
export default defineConfig({
  resolve: { alias },
  test: {
    environment: 'node',
    fileParallelism: false,
    globalSetup: ['tests/e2e/globalSetup.ts'],
    hookTimeout: 120_000,
    include: ['tests/e2e/**/*.test.ts'],
    pool: 'forks',
    teardownTimeout: 60_000,
    // The first visit to each admin view loads its bundles on a busy 2-core machine.
    testTimeout: 120_000,
  },
})
