import { randomBytes } from 'crypto'
import http, { type IncomingMessage } from 'http'

/** The request header that carries the connection's own address to route handlers. */
export const PEER_ADDRESS_HEADER = 'x-newsroom-peer-address'

type Stamp = { nonce: string }

// Shared through globalThis: instrumentation and the route handlers are separate bundles of one process.
const STAMP_KEY = Symbol.for('newsroom.peerAddressStamp')
const globalStamp = globalThis as typeof globalThis & { [STAMP_KEY]?: Stamp }

/** Writes the socket's address onto the request, replacing whatever a client sent under that name. */
export const stampPeerAddress = (request: IncomingMessage): void => {
  const stamp = globalStamp[STAMP_KEY]
  if (!stamp) return
  request.headers[PEER_ADDRESS_HEADER] = `${stamp.nonce} ${request.socket?.remoteAddress ?? ''}`
}

/**
 * Next.js gives route handlers a Request without the socket, and sets `X-Forwarded-For` to the
 * socket's address only when the client sent none (`??=` in its base server), so that header is
 * whatever the client claims. Stamping every incoming request of this process's HTTP servers
 * with the real peer address, signed by a per-process nonce that no client can guess, gives the
 * comment pipeline an address it can trust without a proxy. Idempotent.
 */
export const installPeerAddressStamp = (): void => {
  if (globalStamp[STAMP_KEY]) return
  const emit = http.Server.prototype.emit
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') stampPeerAddress(args[0] as IncomingMessage)
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>)
  } as typeof emit
  globalStamp[STAMP_KEY] = { nonce: randomBytes(16).toString('hex') }
}

/** The peer address stamped on this request by this process, or null when there is no valid stamp. */
export const readPeerAddress = (headers: Headers): null | string => {
  const stamp = globalStamp[STAMP_KEY]
  const value = headers.get(PEER_ADDRESS_HEADER)
  if (!stamp || !value) return null
  const [nonce, address] = value.split(' ')
  return nonce === stamp.nonce && address ? address : null
}
