import type { PayloadRequest } from 'payload'

/** What the create operation learned about a comment's sender before anything was written. */
export type Submission = {
  /** Keys flood control counts this sender under: the hashed client address and the hashed email. */
  floodKeys: string[]
  /** The salted hash of the client address, or null when the address is unknown (Local API, no stamp). */
  ipHash: null | string
  /** How many comments the same client or email posted in the hour before this one. */
  recent: number
  /** False for editors and admins: their comments keep the status they chose and skip flood control. */
  screened: boolean
}

const KEY = 'commentSubmission'

/**
 * Handed from the comments' beforeOperation hook to the hooks after it. Trusted system writes
 * (`overrideAccess`) never get one, so a missing submission means "leave the data as given".
 */
export const getSubmission = (req: PayloadRequest): Submission | undefined =>
  req.context[KEY] as Submission | undefined

export const setSubmission = (req: PayloadRequest, submission: Submission | undefined): void => {
  req.context[KEY] = submission
}
