import type { Redis } from 'ioredis'
import type { PayloadRequest, SanitizedCollectionConfig } from 'payload'

import { RateLimiterRes } from 'rate-limiter-flexible'

import type { ClientAddress } from '@/http/clientAddress'

import type { AccountLock } from './accountLock'

import { clientKey } from '@/http/clientAddress'
import { createLimiters, secondsFrom } from '@/rateLimits/createLimiters'
import { keyedHash } from '@/utilities/keyedHash'

import { createAccountLock } from './accountLock'

/**
 * Password attempts allowed before a 429, in seconds and attempts. Every attempt is counted before
 * its password is checked, and a successful login takes its attempt back, so the counts are of
 * failures; the windows are fixed, starting at the first failure.
 */
export const LOGIN_LIMITS = {
  /**
   * Per client address (an IPv4 address or an IPv6 /64), whatever the email, known or not. A
   * successful login from the address clears it. Beyond it the address waits out the window.
   */
  address: { duration: 15 * 60, points: 10 },
  /**
   * Per account: per email as typed (lower-cased), whether or not an account has it. Beyond it,
   * only addresses the account has logged in from (`knownAddress`) may still try, each within its
   * own address limit: an attacker spends the account's allowance for strangers, not its owner's.
   */
  account: { duration: 15 * 60, points: 5 },
  /**
   * How long an address the account logged in from stays exempt from the account's limit. (The
   * memory store expires entries with a timer, which cannot wait longer than 24.8 days.)
   */
  knownAddress: { duration: 14 * 24 * 60 * 60, points: 1 },
} as const

type LimitName = keyof typeof LOGIN_LIMITS

/** Who tries: the email typed (lower-cased, trimmed) and the client address, null when it cannot be known. */
export type LoginKeys = { account: string; address: null | string }

export type Admission =
  | {
      /** The first attempt on this account since its count expired or was cleared. */
      accountWindowStarted: boolean
      admitted: true
    }
  | { admitted: false; retryAfter: number }

/** Each call takes the request it serves, whose logger reports a failing shared store. */
export type LoginThrottle = {
  /** Counts one attempt and says whether its password may be checked, or how many seconds to wait. */
  admit: (req: PayloadRequest, keys: LoginKeys) => Promise<Admission>
  /** Forgets an account's failures, e.g. when an admin unlocks it. */
  clearAccount: (req: PayloadRequest, account: string) => Promise<void>
  close: () => void
  /** What an attempt on `account` (an email as Payload matches it) from this request is counted against. */
  keysFor: (req: PayloadRequest, account: string) => LoginKeys
  /** Runs the logins of one account one after another, across instances when Redis is shared (see createAccountLock). */
  oneAtATime: AccountLock
  /** After a correct password: forgets the failures of the address and the account, and remembers the address for the account. */
  succeeded: (req: PayloadRequest, keys: LoginKeys) => Promise<void>
}

export type LoginThrottleOptions = {
  /**
   * Where a request's client address is found (TRUST_PROXY).
   * @default the address is unknown: attempts are counted per account only
   */
  clientAddress?: ClientAddress
  /** A SQLite file (libSQL URL) whose counters several server instances on one host share; in memory when unset. */
  databaseURL?: string
  /** A Redis connection whose counters several server instances share; takes the place of `databaseURL`. */
  redis?: Redis
  /** Key of the HMAC that emails and addresses are stored as, so a shared store holds neither. */
  salt: string
}

/**
 * Login throttling over rate-limiter-flexible, with the store comment flood control uses: in
 * memory, or a SQLite file (RATE_LIMIT_DATABASE_URL) or Redis (REDIS_URL) that several server
 * instances share.
 */
export const createLoginThrottle = ({
  clientAddress = () => null,
  databaseURL,
  redis,
  salt,
}: LoginThrottleOptions): LoginThrottle => {
  const limiters = createLimiters({
    databaseURL,
    feature: 'Login throttling',
    keyPrefix: 'login',
    limits: LOGIN_LIMITS,
    redis,
    table: 'login_rate_limits',
  })
  const { run } = limiters

  /** Counts one point; the count whether or not it went over (rate-limiter-flexible rejects with it then). */
  const count = (req: PayloadRequest, name: LimitName, key: string): Promise<RateLimiterRes> =>
    run(req, name, (limiter) => limiter.consume(key)).catch((rejection: unknown) => {
      if (rejection instanceof RateLimiterRes) return rejection
      throw rejection
    })

  const forget = (req: PayloadRequest, name: LimitName, key: string): Promise<unknown> =>
    run(req, name, (limiter) => limiter.delete(key))

  const accountKey = (account: string) => keyedHash(salt, `login-account:${account}`)
  const keysOf = ({ account, address }: LoginKeys) => ({
    account: accountKey(account),
    address: address && keyedHash(salt, `login-address:${address}`),
    known: address && keyedHash(salt, `login-known:${account}\n${address}`),
  })

  return {
    admit: async (req, loginKeys) => {
      const keys = keysOf(loginKeys)
      if (keys.address) {
        const used = await count(req, 'address', keys.address)
        if (used.consumedPoints > LOGIN_LIMITS.address.points)
          return { admitted: false, retryAfter: secondsFrom(used.msBeforeNext) }
      }
      const known = keys.known ? await run(req, 'knownAddress', (limiter) => limiter.get(keys.known!)) : null
      // The memory store answers an expired entry until its timer removes it: that one is gone.
      const isKnown = Boolean(known && known.msBeforeNext > 0)
      const used = await count(req, 'account', keys.account)
      if (!isKnown && used.consumedPoints > LOGIN_LIMITS.account.points) {
        return { admitted: false, retryAfter: secondsFrom(used.msBeforeNext) }
      }
      return { accountWindowStarted: used.consumedPoints === 1, admitted: true }
    },
    clearAccount: async (req, account) => {
      await forget(req, 'account', accountKey(account))
    },
    close: limiters.close,
    keysFor: (req, account) => {
      const ip = clientAddress(req.headers)
      return { account, address: ip && clientKey(ip) }
    },
    oneAtATime: createAccountLock({ keyOf: (account) => `login-lock:${accountKey(account)}`, redis }),
    succeeded: async (req, loginKeys) => {
      const keys = keysOf(loginKeys)
      await forget(req, 'account', keys.account)
      if (keys.address) await forget(req, 'address', keys.address)
      if (keys.known)
        await run(req, 'knownAddress', (limiter) => limiter.set(keys.known!, 1, LOGIN_LIMITS.knownAddress.duration))
    },
  }
}

/** The throttle an auth collection holds in `custom.loginThrottle`: one per Payload instance, for REST and GraphQL alike. */
export const loginThrottleOf = (collection: SanitizedCollectionConfig): LoginThrottle => {
  const throttle = (collection.custom as undefined | { loginThrottle?: LoginThrottle })?.loginThrottle
  if (!throttle) throw new Error(`The ${collection.slug} collection has no custom.loginThrottle (createLoginThrottle).`)
  return throttle
}
