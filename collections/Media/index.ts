import type { CollectionConfig } from 'payload'

import path from 'path'
import { fileURLToPath } from 'url'

import { anyone } from '@/access/anyone'
import { ownUploadOrEditors } from '@/access/ownUploadOrEditors'
import { staffOnly } from '@/access/staffOnly'
import { createdByField } from '@/fields/createdBy'

import { refuseMisnamedFiles } from './hooks/refuseMisnamedFiles'
import { setExtensionFromContent } from './hooks/setExtensionFromContent'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export const Media: CollectionConfig<'media'> = {
  slug: 'media',
  access: {
    create: staffOnly,
    delete: ownUploadOrEditors,
    read: anyone,
    update: ownUploadOrEditors,
  },
  admin: {
    defaultColumns: ['filename', 'alt', 'createdBy'],
    useAsTitle: 'alt',
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      admin: {
        description: 'Describes the image for readers who cannot see it.',
      },
      maxLength: 300,
      required: true,
    },
    {
      name: 'caption',
      type: 'text',
      maxLength: 500,
    },
    createdByField(),
  ],
  hooks: {
    beforeOperation: [setExtensionFromContent],
    beforeValidate: [refuseMisnamedFiles],
  },
  upload: {
    focalPoint: true,
    imageSizes: [
      { name: 'thumbnail', height: 300, width: 300 },
      { name: 'card', width: 768 },
      { name: 'hero', width: 1600 },
      { name: 'og', height: 630, width: 1200 },
    ],
    // Raster images only: SVG can carry scripts, and nothing else belongs in a news photo desk.
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif'],
    staticDir: path.resolve(dirname, '../../media'),
  },
}
