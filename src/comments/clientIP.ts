import { isIP } from 'net'

import { readPeerAddress } from './peerAddress'

/** `1.2.3.4:5678`, `[2001:db8::1]:443` and `::ffff:1.2.3.4` as the bare address, or null when it is none. */
export const normalizeIP = (raw: string): null | string => {
  let value = raw.trim().replace(/^"|"$/g, '')
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value)
  if (bracketed) value = bracketed[1]
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'))
  value = value.replace(/%.*$/, '').toLowerCase()
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(value)
  if (mapped) value = mapped[1]
  return isIP(value) ? value : null
}

const expandIPv6 = (address: string): string[] => {
  let text = address
  const embedded = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text)
  if (embedded) {
    const [a, b, c, d] = embedded.slice(1).map(Number)
    text = `${text.slice(0, embedded.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head, tail] = text.split('::')
  const left = head ? head.split(':') : []
  const right = tail === undefined ? [] : tail ? tail.split(':') : []
  const missing = tail === undefined ? 0 : 8 - left.length - right.length
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((group) => group.padStart(4, '0'))
}

/**
 * What flood control counts as one client: an IPv4 address, or an IPv6 /64 network, because one
 * subscriber line usually gets a whole /64 and could otherwise post from a new address each time.
 */
export const clientKey = (ip: string): string => (isIP(ip) === 6 ? `${expandIPv6(ip).slice(0, 4).join(':')}::/64` : ip)

/**
 * The address of the client that sent a request, or null when it cannot be known.
 *
 * With `trustProxy` (TRUST_PROXY) set to the number of proxies in front of the server, it is the
 * entry of `X-Forwarded-For` written by the outermost of them: the list's n-th entry from the right,
 * since each proxy appends the address it was connected from and only the entries left of those
 * can be forged by the client. Without it, `X-Forwarded-For` is ignored (a directly connected
 * client can send any) and the address is the socket's, as stamped by `installPeerAddressStamp`.
 */
export const clientIP = (headers: Headers, trustProxy: number): null | string => {
  if (trustProxy > 0) {
    const hops = (headers.get('x-forwarded-for') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean)
    if (hops.length) return normalizeIP(hops[Math.max(hops.length - trustProxy, 0)])
  }
  const peer = readPeerAddress(headers)
  return peer ? normalizeIP(peer) : null
}
