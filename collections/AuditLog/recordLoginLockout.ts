import type { PayloadRequest } from 'payload'

import type { User } from '@/payload-types'

import { recordAuditEntry } from './recordAuditEntry'

/**
 * Records that a failed login locked an account. Payload locks it (`incrementLoginAttempts`) with
 * direct database writes that run no hooks, so the login reads the lock back after a failure on an
 * account that was unlocked before it. Whoever failed is unknown: the entry has no actor.
 */
export const recordLoginLockout = async (req: PayloadRequest, account: Pick<User, 'id' | 'name'>): Promise<void> => {
  const stored = (await req.payload.db.findOne<Pick<User, 'id' | 'lockUntil'>>({
    collection: 'users',
    req,
    select: { lockUntil: true },
    where: { id: { equals: account.id } },
  })) as null | Pick<User, 'lockUntil'>
  if (!stored?.lockUntil || new Date(stored.lockUntil).getTime() <= Date.now()) return
  await recordAuditEntry(req, {
    action: 'login-lockout',
    actor: null,
    collection: 'users',
    detail: `locked until ${new Date(stored.lockUntil).toISOString()}`,
    documentID: String(account.id),
    documentTitle: account.name,
  })
}
