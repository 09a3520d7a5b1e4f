import { defineConfig } from 'vitest/config'

import { alias } from './vitest.shared'

/**
 * `npm run test:fresh-clone`: clones the committed HEAD into a temporary folder and runs the
 * README's first command there (`npm install && npm run dev`), as a newcomer does. Not part of
 * `npm test`: the install alone takes minutes.
 */
export default defineConfig({
  resolve: { alias },
  test: {
    environment: 'node',
    fileParallelism: false,
    // Cloning, `npm install` and the first `next dev` compile, on a busy 2-core machine.
    hookTimeout: 20 * 60_000,
    include: ['tests/fresh-clone/**/*.test.ts'],
    pool: 'forks',
    teardownTimeout: 60_000,
    // The first request to each route compiles it in development mode.
    testTimeout: 5 * 60_000,
  },
})
