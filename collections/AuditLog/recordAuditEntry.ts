import type { PayloadRequest } from 'payload'

import type { AuditLog, User } from '@/payload-types'

import { AUDIT_LOG_SLUG } from './actions'

export type AuditEntry = Pick<AuditLog, 'action' | 'collection'> &
  Partial<Pick<AuditLog, 'changedFields' | 'detail' | 'documentID' | 'documentTitle'>> & {
    /** Who acted, when it is not the request's user (the account a scheduled job publishes as). */
    actor?: null | Pick<User, 'email' | 'id' | 'name'>
  }

const staffUser = (req: PayloadRequest): null | Pick<User, 'email' | 'id' | 'name'> =>
  req.user?.collection === 'users' ? (req.user as User) : null

/**
 * Writes one audit entry with `req`, so in the same transaction as the write it records: both are
 * committed or neither, and nothing acknowledged goes unrecorded. A failed entry therefore fails
 * the write. Access is overridden because no one may create entries through the API.
 */
export const recordAuditEntry = async (req: PayloadRequest, { actor: given, ...entry }: AuditEntry): Promise<void> => {
  const actor = given === undefined ? staffUser(req) : given
  await req.payload.create({
    collection: AUDIT_LOG_SLUG,
    data: {
      ...entry,
      actor: actor?.id ?? null,
      actorLabel: actor ? `${actor.name} <${actor.email}>` : null,
    },
    depth: 0,
    overrideAccess: true,
    req,
  })
}
