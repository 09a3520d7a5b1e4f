import type { FieldHook, RowField } from 'payload'

import { slugField } from 'payload'
import { slugify } from 'payload/shared'

/**
 * Payload's slug field, completed for API clients: its own generator runs alongside the
 * required-check, so a document created over REST without a slug would fail. Filling the
 * slug before validation lets `{ "title": "…" }` alone create a document, as in the admin.
 */
export const newsroomSlugField = (useAsSlug = 'title'): RowField =>
  slugField({
    overrides: (row) => ({
      ...row,
      fields: row.fields.map((field) =>
        field.type === 'text' && field.name === 'slug'
          ? { ...field, hooks: { ...field.hooks, beforeValidate: [fillFrom(useAsSlug)] } }
          : field,
      ),
    }),
    useAsSlug,
  })

const fillFrom =
  (useAsSlug: string): FieldHook =>
  ({ data, value }) => {
    if (typeof value === 'string' && value.trim()) return slugify(value)
    const source = data?.[useAsSlug]
    return typeof source === 'string' && source.trim() ? slugify(source) : value
  }
