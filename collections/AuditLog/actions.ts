/** What an audit entry records; `update` is any other edit, with the fields it changed. */
export const auditActions = [
  'create',
  'update',
  'publish',
  'unpublish',
  'schedule',
  'delete',
  'role-change',
  'api-key-change',
  'login-lockout',
  'moderation',
] as const

export type AuditAction = (typeof auditActions)[number]

export const AUDIT_LOG_SLUG = 'audit-log'
