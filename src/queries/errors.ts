import type { PayloadRequest } from 'payload'

import { APIError, NotFound } from 'payload'

// Each sets its name itself: Payload picks an error's log level by name, and a minified build renames classes.

/** A query or document the database cannot take as sent (a bad date, an unsupported operator): the sender's mistake. */
export class MalformedQuery extends APIError {
  constructor(message: string) {
    super(message, 400, undefined, true)
    this.name = 'MalformedQuery'
  }
}

/** An id no document can have (letters where ids are numbers): answered as any missing document is. */
export class NoSuchDocument extends NotFound {
  constructor(t: PayloadRequest['t']) {
    super(t)
    this.name = 'NotFound'
  }
}

/** Their entries for Payload's `loggingLevels`: a sender's mistake is logged at info level, without a stack. */
export const queryErrorLogLevels: Record<string, 'info'> = { MalformedQuery: 'info' }
