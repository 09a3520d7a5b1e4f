import { keyedHash } from '@/utilities/keyedHash'

/** How a commenter's address is kept: never the address itself, only its salted hash. */
export const hashIP = (salt: string, clientKey: string): string => keyedHash(salt, `ip:${clientKey}`)

/** How flood control names an email address, so a shared rate-limit store holds no addresses. */
export const hashEmail = (salt: string, email: string): string => keyedHash(salt, `email:${email.trim().toLowerCase()}`)
