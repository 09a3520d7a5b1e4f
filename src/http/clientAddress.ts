import ipaddr from 'ipaddr.js'
import proxyaddr from 'proxy-addr'

/**
 * TRUST_PROXY as `src/env.ts` reads it: how many proxies stand in front of the server, or the
 * addresses and subnets of the proxies to skip, in proxy-addr's notation (`loopback, 10.0.0.0/8`).
 */
export type TrustProxy = number | string[]

/** The address of the client that sent a request, or null when it cannot be known. */
export type ClientAddress = (headers: Headers) => null | string

/** `1.2.3.4:5678` and `[2001:db8::1]:443`, as some proxies write entries, without the port. */
const withoutPort = (entry: string): string =>
  /^\[([^\]]+)\](?::\d+)?$/.exec(entry)?.[1] ?? entry.replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, '$1')

/** An address in its canonical form (an IPv4-mapped IPv6 address as IPv4, no zone), or null when it is none. */
export const normalizeIP = (raw: string): null | string => {
  const text = withoutPort(raw.trim())
  // Four-part IPv4 only: ipaddr.js also reads `127.1` and `0x7f000001`, which no proxy writes.
  if (!ipaddr.IPv4.isValidFourPartDecimal(text) && !ipaddr.IPv6.isValid(text)) return null
  const address = ipaddr.process(text)
  if (address instanceof ipaddr.IPv6) address.zoneId = undefined
  return address.toString()
}

/**
 * What flood control and login throttling count as one client: an IPv4 address, or an IPv6 /64
 * network, because one subscriber line usually gets a whole /64 and could otherwise change address
 * with each request.
 */
export const clientKey = (ip: string): string => {
  const address = ipaddr.parse(ip)
  if (!(address instanceof ipaddr.IPv6)) return address.toString()
  return `${address.parts
    .slice(0, 4)
    .map((part) => part.toString(16).padStart(4, '0'))
    .join(':')}::/64`
}

/**
 * Whether the entry `hop` places from the right of `X-Forwarded-For` was written by a proxy we
 * trust, so the client is further left. A count of n proxies trusts the n - 1 rightmost entries:
 * the nearest proxy's own address never reaches a route handler (see `clientAddressFrom`).
 */
const compileTrust = (trustProxy: TrustProxy): ((address: string, hop: number) => boolean) =>
  typeof trustProxy === 'number' ? (_address, hop) => hop < trustProxy - 1 : proxyaddr.compile(trustProxy)

/**
 * Where the client's address is found, for the TRUST_PROXY setting. Throws a TypeError naming an
 * address that proxy-addr cannot read.
 *
 * Next.js gives route handlers a Request without its socket, and writes the socket's address into
 * `X-Forwarded-For` only when the request arrived without one. So the rightmost entry is the
 * socket's address, or whatever the nearest proxy wrote there, or, on a server that clients reach
 * directly, whatever the client sent. Walking from the right as proxy-addr walks from the socket,
 * it skips the entries that trusted proxies wrote and takes the first other one: with TRUST_PROXY
 * unset, 0 or 1, the rightmost; with n proxies, the n-th from the right; with a list of addresses,
 * the first from the right outside it (the nearest proxy, never seen, is assumed).
 */
export const clientAddressFrom = (trustProxy: TrustProxy): ClientAddress => {
  const trusted = compileTrust(trustProxy)
  return (headers) => {
    const hops = (headers.get('x-forwarded-for') ?? '')
      .split(',')
      .filter((entry) => entry.trim())
      .map(normalizeIP)
      .reverse()
    let hop = 0
    for (; hop < hops.length - 1; hop += 1) {
      const address = hops[hop]
      // An entry that is no address ends the walk: no proxy we trust wrote it.
      if (address === null || !trusted(address, hop)) break
    }
    return hops[hop] ?? null
  }
}
