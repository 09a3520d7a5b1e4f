import type { CollectionAfterOperationHook } from 'payload'

import { loginThrottleOf } from '@/auth/loginThrottle'
import { normalizeEmail } from '@/auth/loginWithThrottle'

/** An admin's unlock also lifts the login throttle's account limit, so the owner can log in at once from anywhere. */
export const forgetFailedLoginsOnUnlock: CollectionAfterOperationHook<'users'> = async ({
  args,
  collection,
  operation,
  req,
  result,
}) => {
  if (operation !== 'unlock' || !result) return result
  const email = normalizeEmail((args as { data?: { email?: unknown } }).data?.email)
  if (email) await loginThrottleOf(collection).clearAccount(req, email)
  return result
}
