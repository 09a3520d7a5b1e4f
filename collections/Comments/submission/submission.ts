import type { PayloadRequest } from 'payload'

/** What flood control learned about a comment's sender before anything was written. */
export type Sender = {
  /** Keys flood control counts this sender under: the hashed client address and the hashed email. */
  floodKeys: string[]
  /** The salted hash of the client address, or null when the address is unknown (Local API, no stamp). */
  ipHash: null | string
  /** How many comments the same client or email posted in the hour before this one. */
  recent: number
  /** False for editors and admins: their comments keep the status they chose and skip flood control. */
  screened: boolean
}

/** Everything one comment create learns once and the hooks and validators after it share. */
export type CommentSubmission = {
  /** The stored documents the create needs (its article, its parent), by `collection:id`: each read once. */
  reads: Map<string, Promise<unknown>>
  /** Set by `checkFloodLimits` for people's comments; trusted system writes (`overrideAccess`) have none. */
  sender?: Sender
}

declare module 'payload' {
  interface RequestContext {
    /**
     * The one entry the comments pipeline keeps in `req.context`: Payload hands a create's hooks and
     * field validators no other channel of their own. `startSubmission` makes a fresh one per create.
     */
    commentSubmission?: CommentSubmission
  }
}

export const newSubmission = (): CommentSubmission => ({ reads: new Map() })

/** The create's submission; a validator run outside a create (the admin's form state) gets one of its own. */
export const submissionOf = (req: PayloadRequest): CommentSubmission => (req.context.commentSubmission ??= newSubmission())
