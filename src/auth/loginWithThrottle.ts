import type { PayloadRequest } from 'payload'

import { AuthenticationError, loginOperation } from 'payload'

import type { User } from '@/payload-types'

import { recordLoginLockout } from '@collections/AuditLog/recordLoginLockout'

import { tooManyLoginAttempts } from './errors'
import { loginThrottleOf } from './loginThrottle'
import { verifyAgainstDummy, verifyPassword } from './passwordHash'

type LoginArgs = Parameters<typeof loginOperation<'users'>>[0]
type LoginResult = Awaited<ReturnType<typeof loginOperation<'users'>>>

type StoredAccount = Pick<User, 'email' | 'hash' | 'id' | 'lockUntil' | 'loginAttempts' | 'name' | 'salt'>

/** The email as Payload matches it. */
export const normalizeEmail = (email: unknown): string => (typeof email === 'string' ? email.toLowerCase().trim() : '')

const isLocked = ({ lockUntil }: StoredAccount): boolean =>
  Boolean(lockUntil && new Date(lockUntil).getTime() > Date.now())

/**
 * Payload's login behind the login throttle (`LOGIN_LIMITS`), for REST and GraphQL:
 *
 * - each attempt is counted before its password is checked, and over the limits it is answered
 *   429 with `Retry-After` without a check, so parallel guesses cannot overtake the count;
 * - an unknown email, a wrong password and a locked account get the same 401 and body, after the
 *   same password check (a dummy hash for an unknown email), so neither tells an account exists;
 * - Payload's own lockout (`maxLoginAttempts`) counts the failures of the account's current
 *   throttle window only, so strangers, held at the account limit, never reach it.
 */
export const loginWithThrottle = async (args: LoginArgs): Promise<LoginResult> => {
  const { collection, req } = args
  const email = normalizeEmail(args.data.email)
  const { password } = args.data
  // A missing email or password guesses nothing: Payload answers it (400 naming the field).
  if (!email || typeof password !== 'string' || !password.trim()) return loginOperation(args)

  const throttle = loginThrottleOf(collection.config)
  const keys = throttle.keysFor(req, email)
  const admission = await throttle.admit(req, keys)
  if (!admission.admitted) throw tooManyLoginAttempts(req, admission.retryAfter)

  const account = (await req.payload.db.findOne<StoredAccount>({
    collection: collection.config.slug,
    req,
    where: { email: { equals: email } },
  })) as null | StoredAccount
  if (!account || isLocked(account)) {
    await (account ? verifyPassword(account, password) : verifyAgainstDummy(password))
    throw new AuthenticationError(req.t)
  }
  if (admission.accountWindowStarted && account.loginAttempts) {
    // Failures of earlier windows are spent: without this, Payload's count (reset only by a
    // successful login) would let a patient stranger reach its lockout a few guesses at a time.
    await req.payload.db.updateOne({
      id: account.id,
      collection: collection.config.slug,
      data: { loginAttempts: 0 },
      req,
      returning: false,
    })
  }
  try {
    const result = await throttle.oneAtATime(req, email, () => loginOperation({ ...args, data: { ...args.data, email } }))
    await throttle.succeeded(req, keys)
    return result
  } catch (error) {
    // Payload answers the attempt that reaches its lockout "locked": the same 401 as any failure here.
    if ((error as { status?: unknown }).status === 401) {
      await recordLoginLockout(req, account)
      throw new AuthenticationError(req.t)
    }
    throw error
  }
}

/**
 * Checks the password of the logged-in account (`currentPassword`), counted by the login throttle
 * like a login: a stolen session must not become a way to guess its owner's password.
 */
export const checkOwnPassword = async (
  req: PayloadRequest,
  user: Pick<User, 'email' | 'id'>,
  password: string,
): Promise<boolean> => {
  const collection = req.payload.collections.users
  const throttle = loginThrottleOf(collection.config)
  const keys = throttle.keysFor(req, normalizeEmail(user.email))
  const admission = await throttle.admit(req, keys)
  if (!admission.admitted) throw tooManyLoginAttempts(req, admission.retryAfter)
  const account = (await req.payload.db.findOne<StoredAccount>({
    collection: collection.config.slug,
    req,
    where: { id: { equals: user.id } },
  })) as null | StoredAccount
  const correct = account ? await verifyPassword(account, password) : await verifyAgainstDummy(password)
  if (correct) await throttle.succeeded(req, keys)
  return correct
}
