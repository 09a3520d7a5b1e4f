import { APIError } from 'payload'

export const COMMENTS_CLOSED = 'Comments are closed on this article.'

// Each sets its name itself: Payload picks an error's log level by name, and a minified build renames classes.

/** A comment on an article that takes none: the sender's mistake, logged at info level. */
export class CommentsClosed extends APIError {
  constructor() {
    super(COMMENTS_CLOSED, 403, undefined, true)
    this.name = 'CommentsClosed'
  }
}

/** A sender over the flood limits: answered 429 with the seconds to wait, logged at info level. */
export class TooManyComments extends APIError<{ retryAfter: number }> {
  constructor(retryAfter: number) {
    super(`Too many comments: please wait ${retryAfter} seconds before posting again.`, 429, { retryAfter }, true)
    this.name = 'TooManyComments'
  }
}

/** Their entries for Payload's `loggingLevels`, whose type only lists Payload's own error names. */
export const commentErrorLogLevels: Record<string, 'info'> = { CommentsClosed: 'info', TooManyComments: 'info' }
