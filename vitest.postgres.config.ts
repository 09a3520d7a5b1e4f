import { defineConfig, mergeConfig } from 'vitest/config'

import baseConfig, { POSTGRES_ONLY } from './vitest.config'

/**
 * `npm run test:postgres`: `npm test`'s integration suites on PostgreSQL, one scratch database per
 * test file, made and dropped by tests/helpers/testDatabase.ts on TEST_POSTGRES_URL's server
 * (default: postgres://postgres@127.0.0.1:5432/postgres). tests/postgres/globalSetup.ts fails the
 * run at once, naming the URL, when that server cannot be reached. Also runs the PostgreSQL-only
 * suites of tests/postgres/ (the read-more ranking on both dialects, PostgreSQL's query plans).
 */
const config = mergeConfig(
  baseConfig,
  defineConfig({
    test: {
      env: { TEST_DATABASE: 'postgres' },
      exclude: [
        // SQLite by nature: the write-locked libSQL client, durable commits and a second process holding the file.
        'tests/db/acknowledged-writes.test.ts',
        // SQLite's query plans under its pinned statistics (src/db/plannerStatistics.ts).
        'tests/db/query-plans.test.ts',
        // Not about the database: unit tests of environment parsing, documentation, rich-text and
        // the shared rate-limit store (a SQLite file of its own whatever DATABASE_URL is); `npm test` runs them.
        'tests/env/**',
        'tests/docs/**',
        'tests/richText/safe-url.test.ts',
        'tests/richText/editor-config.test.ts',
        'tests/auth/login-throttle-store.test.ts',
        // The generated types and schema do not depend on the database; `npm test` checks them.
        'tests/generated/**',
      ],
      globalSetup: ['tests/postgres/globalSetup.ts'],
    },
  }),
)

// mergeConfig concatenates arrays: the base config's exclusion of the PostgreSQL-only suites is taken out again.
config.test!.exclude = config.test!.exclude!.filter((pattern: string) => pattern !== POSTGRES_ONLY)

export default config
