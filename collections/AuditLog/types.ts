import type { AuditAction } from './actions'

/**
 * A field whose change is a decision of its own, recorded as `action` with "old → new" as the
 * detail instead of as an edit: a comment's `status` (moderation), an account's `role`.
 */
export type AuditedDecisions = Record<string, Record<string, AuditAction>>
