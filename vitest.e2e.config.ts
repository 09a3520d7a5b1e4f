import path from 'path'
import { fileURLToPath } from 'url'
import { defineConfig } from 'vitest/config'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/**
 * `npm run test:e2e`: the browser suite. The global set-up builds the app once (not with
 * SKIP_BUILD=1), serves it on a fresh database with the demo seed and starts one Chromium; the
 * test files share both and run one after another.
 */
export default defineConfig({
  resolve: {
    alias: {
      '@/': `${path.resolve(dirname, 'src')}/`,
      '@collections/': `${path.resolve(dirname, 'collections')}/`,
      '@payload-config': path.resolve(dirname, 'src/payload.config.ts'),
      '@plugins/': `${path.resolve(dirname, 'plugins')}/`,
    },
  },
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
