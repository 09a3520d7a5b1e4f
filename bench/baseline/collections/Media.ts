import type { CollectionConfig } from 'payload'

import os from 'os'
import path from 'path'

// No image sizes: the benchmark stores no uploads, and sizes would need sharp.
export const Media: CollectionConfig = {
  slug: 'media',
  access: { read: () => true },
  fields: [
    { name: 'alt', type: 'text', maxLength: 300, required: true },
    { name: 'caption', type: 'text', maxLength: 500 },
  ],
  upload: { staticDir: path.join(os.tmpdir(), 'newsroom-bench-baseline-media') },
}
