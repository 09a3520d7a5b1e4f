import crypto from 'crypto'

/**
 * Payload 3.90's stored password format (`auth/strategies/local/generatePasswordSaltHash.js`, not
 * exported): new hashes are `pbkdf2-sha256-v1:` + PBKDF2-SHA256 with 600,000 iterations and 32
 * bytes; older ones are bare hex of 25,000 iterations and 512 bytes, rehashed at their next login.
 * A test compares these with a hash Payload stores, so an upgrade that changes them fails loudly.
 */
export const PAYLOAD_HASH_FORMAT = {
  current: { iterations: 600_000, keyLength: 32, prefix: 'pbkdf2-sha256-v1:' },
  legacy: { iterations: 25_000, keyLength: 512 },
} as const

type StoredPassword = { hash?: null | string; salt?: null | string }

const parametersOf = (hash: string) =>
  hash.startsWith(PAYLOAD_HASH_FORMAT.current.prefix)
    ? { ...PAYLOAD_HASH_FORMAT.current, expected: hash.slice(PAYLOAD_HASH_FORMAT.current.prefix.length) }
    : { ...PAYLOAD_HASH_FORMAT.legacy, expected: hash }

// The default import, not `{ pbkdf2 }`: tests count verifications by spying on `crypto.pbkdf2`, as Payload calls it.
const pbkdf2 = (password: string, salt: string, iterations: number, keyLength: number): Promise<Buffer> =>
  new Promise((resolve, reject) =>
    crypto.pbkdf2(password, salt, iterations, keyLength, 'sha256', (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  )

/**
 * Whether `password` matches a stored Payload hash: the same work, in the same format, as Payload's
 * own local strategy (`authenticateLocalStrategy`), which is not exported.
 */
export const verifyPassword = async ({ hash, salt }: StoredPassword, password: string): Promise<boolean> => {
  if (typeof hash !== 'string' || typeof salt !== 'string') return false
  const { expected, iterations, keyLength } = parametersOf(hash)
  const derived = await pbkdf2(password, salt, iterations, keyLength)
  const stored = Buffer.from(expected, 'hex')
  return derived.length === stored.length && crypto.timingSafeEqual(derived, stored)
}

/**
 * A stored password in Payload's current format whose hash is random bytes rather than any
 * password's hash: verifying against it costs the same, and nothing matches it.
 */
const dummy: Required<StoredPassword> = {
  hash: `${PAYLOAD_HASH_FORMAT.current.prefix}${crypto.randomBytes(PAYLOAD_HASH_FORMAT.current.keyLength).toString('hex')}`,
  salt: crypto.randomBytes(32).toString('hex'),
}

/**
 * Checks `password` against a hash no password matches, for a login whose email has no account:
 * it costs what checking a real account's password costs, so the time of the answer does not tell.
 */
export const verifyAgainstDummy = async (password: string): Promise<false> => {
  await verifyPassword(dummy, password)
  return false
}
