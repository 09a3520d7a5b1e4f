import type { FieldHook, RowField, TextField, TextFieldSingleValidation } from 'payload'

import { slugField } from 'payload'
import { slugify } from 'payload/shared'

import { staffFieldOnly } from '@/access/fieldAccess'

/**
 * Payload's slug field, completed for API clients. Its own generator runs alongside the
 * required-check and GraphQL marks a required field non-null in mutation inputs, so a client
 * sending only a title would fail. Here the slug is filled from the title before validation and
 * required by our own check instead: `{ "title": "…" }` alone creates a document on every surface.
 */
export const newsroomSlugField = (useAsSlug = 'title'): RowField =>
  slugField({
    overrides: (row) => ({
      ...row,
      fields: row.fields.map((field) => {
        if (field.type === 'text' && field.name === 'slug') return withSlugRules(field, useAsSlug)
        // The admin's "follow the title" switch: an editing aid, not content the public reads.
        if (field.type === 'checkbox' && field.name === 'generateSlug') return { ...field, access: { ...field.access, read: staffFieldOnly } }
        return field
      }),
    }),
    required: false,
    useAsSlug,
  })

const withSlugRules = (field: TextField, useAsSlug: string): TextField => ({
  ...(field as Extract<TextField, { hasMany?: false }>),
  admin: {
    ...field.admin,
    components: { ...field.admin?.components, Field: { clientProps: { useAsSlug }, path: '@/admin/SlugField#SlugField' } },
  },
  hooks: { ...field.hooks, beforeValidate: [fillFrom(useAsSlug)] },
  validate: requireSlug(useAsSlug),
})

const fillFrom =
  (useAsSlug: string): FieldHook =>
  ({ data, value }) => {
    if (typeof value === 'string' && value.trim()) return slugify(value)
    const source = data?.[useAsSlug]
    return typeof source === 'string' && source.trim() ? slugify(source) : value
  }

const requireSlug =
  (useAsSlug: string): TextFieldSingleValidation =>
  (value) =>
    (typeof value === 'string' && value.length > 0) || `A slug is required: give one, or a ${useAsSlug} to make it from.`
