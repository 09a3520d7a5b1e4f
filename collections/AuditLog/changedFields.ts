import type { FlattenedField, SanitizedCollectionConfig } from 'payload'

import { extractID } from 'payload/shared'

/**
 * Fields every write touches, that Payload keeps for itself (passwords, sessions, the lockout
 * counters), or that hooks derive from the others (a tag's `adminTitle`): a change to them says
 * nothing about what the person edited.
 */
const UNTRACKED = new Set([
  'adminTitle',
  'createdAt',
  'hash',
  'id',
  'loginAttempts',
  'lockUntil',
  'resetPasswordExpiration',
  'resetPasswordToken',
  'salt',
  'sessions',
  'updatedAt',
  'updatedBy',
])

type Doc = Record<string, unknown>

const relationValue = (value: unknown): unknown => {
  if (value && typeof value === 'object' && 'relationTo' in value && 'value' in value) {
    const { relationTo, value: related } = value as { relationTo: string; value: unknown }
    return { relationTo, value: extractID(related as never) }
  }
  return value && typeof value === 'object' ? extractID(value as never) : value
}

/** A comparable form: related documents as their ids, whatever depth they were read at. */
const comparable = (field: FlattenedField, value: unknown): string => {
  if (field.type === 'relationship' || field.type === 'upload') {
    return JSON.stringify(Array.isArray(value) ? value.map(relationValue) : relationValue(value)) ?? 'null'
  }
  return JSON.stringify(value ?? null)
}

/** The stored top-level fields whose values differ between two versions of a document. */
export const changedFields = (collection: SanitizedCollectionConfig, previousDoc: Doc, doc: Doc): string[] =>
  collection.flattenedFields
    .filter((field) => field.type !== 'join' && !('virtual' in field && field.virtual) && !UNTRACKED.has(field.name))
    .filter((field) => comparable(field, previousDoc[field.name]) !== comparable(field, doc[field.name]))
    .map((field) => field.name)
