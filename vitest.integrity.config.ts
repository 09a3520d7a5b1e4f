import { defineConfig } from 'vitest/config'

import { alias } from './vitest.shared'

/**
 * `npm run test:integrity`: concurrent writes against `next start` (the build in `.next`, made by
 * `npm run build`), checked in the SQLite file itself, with and without a kill -9 of the server.
 */
export default defineConfig({
  resolve: { alias },
  test: {
    environment: 'node',
    fileParallelism: false,
    hookTimeout: 120_000,
    include: ['tests/integrity/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 180_000,
  },
})
