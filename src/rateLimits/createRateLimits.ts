import { createFloodControl, type FloodControl } from '@collections/Comments/submission/floodControl'

import { createLoginThrottle, type LoginThrottle } from '@/auth/loginThrottle'
import { type ClientAddress, clientAddressFrom, type TrustProxy } from '@/http/clientAddress'
import { createRedisClient } from '@/redis/client.mjs'

export type RateLimitSettings = {
  /** RATE_LIMIT_DATABASE_URL: a SQLite file whose counters several server instances on one host share. */
  databaseURL?: string
  /** REDIS_URL: a Redis server whose counters several server instances share; in memory when neither is set. */
  redisURL?: string
  /** Key of the HMAC that the login throttle stores emails and addresses as. */
  salt: string
  /** TRUST_PROXY: which entry of X-Forwarded-For names the client. */
  trustProxy: TrustProxy
}

export type RateLimits = {
  clientAddress: ClientAddress
  floodControl: FloodControl
  loginThrottle: LoginThrottle
}

/**
 * The limits on what anonymous clients may send, created once with the config and handed to the
 * collections that enforce them: Payload serves REST and GraphQL, separate bundles of one process,
 * with that one config, so they share these counters. Stores open on first use.
 */
export const createRateLimits = ({ databaseURL, redisURL, salt, trustProxy }: RateLimitSettings): RateLimits => {
  const clientAddress = clientAddressFrom(trustProxy)
  // One connection for both features. A lost connection is not logged here: every count that
  // fails is, with the request it served, as it falls back to memory.
  const redis = redisURL ? createRedisClient(redisURL, { onError: () => {} }) : undefined
  return {
    clientAddress,
    floodControl: createFloodControl({ databaseURL, redis }),
    loginThrottle: createLoginThrottle({ clientAddress, databaseURL, redis, salt }),
  }
}
