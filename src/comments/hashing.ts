import { createHmac } from 'crypto'

/** A keyed hash: equal inputs match, yet a leaked hash cannot be reversed by trying every IPv4 address. */
export const keyedHash = (salt: string, value: string): string => createHmac('sha256', salt).update(value).digest('hex')

/** How a commenter's address is kept: never the address itself, only its salted hash. */
export const hashIP = (salt: string, clientKey: string): string => keyedHash(salt, `ip:${clientKey}`)

/** How flood control names an email address, so a shared rate-limit store holds no addresses. */
export const hashEmail = (salt: string, email: string): string => keyedHash(salt, `email:${email.trim().toLowerCase()}`)
