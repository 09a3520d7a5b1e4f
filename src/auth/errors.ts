import type { PayloadRequest } from 'payload'

import { APIError } from 'payload'

/** A client over the login limits: answered 429 with the seconds to wait, logged at info level. */
export class TooManyLoginAttempts extends APIError<{ retryAfter: number }> {
  constructor(retryAfter: number) {
    super(`Too many login attempts: please wait ${retryAfter} seconds before trying again.`, 429, { retryAfter }, true)
    // Payload picks an error's log level by name, and a minified build renames classes.
    this.name = 'TooManyLoginAttempts'
  }
}

/**
 * The 429 of a throttled login. Payload's REST and GraphQL handlers merge `req.responseHeaders`
 * into the error response, so both answer with `Retry-After`; GraphQL also has it in the error's
 * `extensions.data.retryAfter`.
 */
export const tooManyLoginAttempts = (req: PayloadRequest, retryAfter: number): TooManyLoginAttempts => {
  const headers = new Headers(req.responseHeaders)
  headers.set('Retry-After', String(retryAfter))
  req.responseHeaders = headers
  return new TooManyLoginAttempts(retryAfter)
}

/**
 * Their entries for Payload's `loggingLevels`: a wrong password or a throttled client is the
 * client's doing, not a server fault, and a password-guessing run must not fill the log with stacks.
 */
export const loginErrorLogLevels: Record<string, 'info'> = { AuthenticationError: 'info', TooManyLoginAttempts: 'info' }

/**
 * A refused field, 400, whose message says which field and why. Not Payload's `ValidationError`,
 * whose message is only "The following field is invalid: …": in the production build the REST
 * error formatter drops the `data` that holds the reason (Payload is bundled twice, and the copy
 * that formats does not recognise the other's errors), so the message must carry it.
 */
export class InvalidField extends APIError<{ collection: string; errors: { message: string; path: string }[] }> {
  constructor(collection: string, path: string, message: string) {
    super(message, 400, { collection, errors: [{ message, path }] }, true)
    // Logged at info level, like Payload's own validation errors.
    this.name = 'ValidationError'
  }
}
