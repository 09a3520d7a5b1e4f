import { createHmac } from 'crypto'

/** A keyed hash: equal inputs match, yet a leaked hash cannot be reversed by trying every IPv4 address. */
export const keyedHash = (salt: string, value: string): string => createHmac('sha256', salt).update(value).digest('hex')
