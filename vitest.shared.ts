import path from 'path'
import { fileURLToPath } from 'url'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/** The tsconfig path aliases, for both vitest configs (vitest.config.ts, vitest.e2e.config.ts). */
export const alias = {
  '@/': `${path.resolve(dirname, 'src')}/`,
  '@collections/': `${path.resolve(dirname, 'collections')}/`,
  '@payload-config': path.resolve(dirname, 'src/payload.config.ts'),
  '@plugins/': `${path.resolve(dirname, 'plugins')}/`,
}
