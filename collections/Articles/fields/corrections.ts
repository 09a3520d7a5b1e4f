import type { ArrayField } from 'payload'

import { editorFieldOnly } from '@/access/fieldAccess'

import { appendCorrectionsOnly } from '../hooks/appendCorrectionsOnly'

/**
 * The story's corrections log, printed under it and public like the story. Appended by editors
 * after publication; saving one (publishing the change) moves `updatedAt`, which feeds and
 * sitemaps read as the story's modification date.
 */
export const correctionsField = (): ArrayField => ({
  name: 'corrections',
  type: 'array',
  // Read-only in the admin below editor; a change sent anyway is refused by the hook, not dropped.
  access: { create: editorFieldOnly, update: editorFieldOnly },
  admin: {
    description: 'Editors add a correction after publication. Earlier corrections cannot be changed or removed.',
    initCollapsed: false,
  },
  fields: [
    {
      name: 'date',
      type: 'date',
      admin: { date: { pickerAppearance: 'dayAndTime' } },
      defaultValue: () => new Date().toISOString(),
      required: true,
    },
    {
      name: 'text',
      type: 'textarea',
      maxLength: 1000,
      required: true,
    },
  ],
  hooks: { beforeValidate: [appendCorrectionsOnly] },
  labels: { plural: 'Corrections', singular: 'Correction' },
  maxRows: 200,
})
