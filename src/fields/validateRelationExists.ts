import type { CollectionSlug, Validate } from 'payload'

import { relationship, upload } from 'payload/shared'

import { readableIDs } from '@plugins/public-reads'

import { existingIDs } from '@/utilities/existingIDs'
import { relationID } from '@/utilities/relationID'

/**
 * Payload's own relationship check plus "does that document exist for this writer?". Without it an
 * unknown id reaches SQLite's foreign key and comes back as a 500 instead of a 400 naming the field.
 * A document the writer may not read counts as missing, so the message reveals nothing.
 */
const withExistenceCheck =
  (builtIn: Validate): Validate =>
  async (value, options) => {
    const result = await builtIn(value, options)
    const relationTo = (options as { relationTo?: unknown }).relationTo
    if (result !== true || value === null || value === undefined || typeof relationTo !== 'string') return result
    const ids = (Array.isArray(value) ? value : [value]).map(relationID).filter((id) => id !== undefined)
    const found = options.overrideAccess
      ? await existingIDs(options.req, relationTo as CollectionSlug, ids)
      : await readableIDs(options.req, relationTo as CollectionSlug, ids)
    const missing = ids.filter((id) => !found.has(String(id)))
    return missing.length ? `There is no ${relationTo} document with the id ${missing.join(', ')}.` : true
  }

export const validateRelationship = withExistenceCheck(relationship as Validate)
export const validateUpload = withExistenceCheck(upload as Validate)
