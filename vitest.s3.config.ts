import { defineConfig } from 'vitest/config'

import { alias } from './vitest.shared'

/**
 * `npm run test:s3`: media on S3-compatible storage, against s3rver (a pure-JS S3 server from npm)
 * that each file starts on a free port with a temporary folder. `npm test` never needs it.
 */
export default defineConfig({
  resolve: { alias },
  test: {
    environment: 'node',
    hookTimeout: 120_000,
    include: ['tests/s3/**/*.test.ts'],
    maxWorkers: 2,
    pool: 'forks',
    testTimeout: 60_000,
  },
})
