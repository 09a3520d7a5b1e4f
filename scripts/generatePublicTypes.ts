/**
 * `npm run generate` (also `payload run scripts/generatePublicTypes.ts`): writes src/public-types.ts,
 * the shapes the public receives from and may send to the API, from the config.
 */
import path from 'path'
import { fileURLToPath } from 'url'

import config from '../src/payload.config'
import { generatePublicTypes } from '../src/publicTypes/generatePublicTypes'
import { runScript } from '../src/utilities/runScript'

const outputFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/public-types.ts')

await runScript({ name: 'public-types', url: import.meta.url }, async () => {
  await generatePublicTypes(await config, outputFile)
  console.log(`[public-types] ${path.relative(process.cwd(), outputFile)} is up to date`)
  return 0
})
