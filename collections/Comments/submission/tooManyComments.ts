import type { PayloadRequest } from 'payload'

import { TooManyComments } from './errors'

/**
 * The 429 a flooding sender gets. Payload's REST and GraphQL handlers merge `req.responseHeaders`
 * into the error response, so both answer with `Retry-After`; GraphQL also has it in the error's
 * `extensions.data.retryAfter`.
 */
export const tooManyComments = (req: PayloadRequest, retryAfter: number): TooManyComments => {
  const headers = new Headers(req.responseHeaders)
  headers.set('Retry-After', String(retryAfter))
  req.responseHeaders = headers
  return new TooManyComments(retryAfter)
}
