import { defineConfig } from 'vitest/config'

import { alias } from './vitest.shared'

/**
 * `npm run test:replica`: DATABASE_REPLICA_URLS against a real streaming replica, on a PostgreSQL
 * primary and replica that the file starts itself (tests/helpers/postgresReplica.ts; PostgreSQL's
 * server programs must be installed). `npm test` never needs them.
 */
export default defineConfig({
  resolve: { alias },
  test: {
    environment: 'node',
    hookTimeout: 120_000,
    include: ['tests/replica/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
  },
})
