import path from 'path'
import { fileURLToPath } from 'url'
import { defineConfig } from 'vitest/config'

const dirname = path.dirname(fileURLToPath(import.meta.url))

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
    hookTimeout: 120_000,
    // The production-build suite builds and serves the app; `npm run test:production` runs it apart.
    // The browser suite (`npm run test:e2e`) has its own config, vitest.e2e.config.ts.
    include: process.env.TEST_PRODUCTION ? ['tests/production/**/*.test.ts'] : ['tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'tests/e2e/**', ...(process.env.TEST_PRODUCTION ? [] : ['tests/production/**'])],
    // One Payload instance per test file, each in its own process and temporary database.
    maxWorkers: 2,
    pool: 'forks',
    testTimeout: 60_000,
  },
})
