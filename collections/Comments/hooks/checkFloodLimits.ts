import type { CollectionBeforeOperationHook } from 'payload'

import type { ClientAddress } from '@/http/clientAddress'

import type { FloodControl } from '../submission/floodControl'

import { isEditor } from '@/access/roles'
import { env } from '@/env'
import { clientKey } from '@/http/clientAddress'

import { hashEmail, hashIP } from '../submission/hashing'
import { submissionOf } from '../submission/submission'
import { tooManyComments } from '../submission/tooManyComments'

type CreateArgs = { data?: { authorEmail?: unknown }; overrideAccess?: boolean }

export type FloodLimitsOptions = {
  /** Where a request's client address is found (TRUST_PROXY). */
  clientAddress: ClientAddress
  /** The counters, shared by every request this config serves. */
  floodControl: FloodControl
}

/**
 * Flood control, before anything is validated or written: the same client (address) or the same
 * email may post once per 15 seconds and 20 times an hour; beyond that a 429 with `Retry-After`.
 * This only reads the counters. A comment is counted once it is stored (`consumeFloodAllowance`),
 * as WordPress counts posted comments, so a reader whose comment failed validation can fix it
 * and resend at once. Editors and admins, and trusted system writes, are not limited.
 */
export const checkFloodLimits =
  ({ clientAddress, floodControl }: FloodLimitsOptions): CollectionBeforeOperationHook<'comments'> =>
  async ({ args, operation, req }) => {
    if (operation !== 'create') return args
    const { data, overrideAccess } = args as CreateArgs
    // Trusted system writes get no sender: the hooks after this one leave their data as given.
    if (overrideAccess) return args
    const submission = submissionOf(req)
    const ip = clientAddress(req.headers)
    const ipHash = ip ? hashIP(env.commentIPSalt, clientKey(ip)) : null
    if (isEditor(req.user)) {
      submission.sender = { floodKeys: [], ipHash, recent: 0, screened: false }
      return args
    }
    const email = typeof data?.authorEmail === 'string' ? data.authorEmail.trim() : ''
    // An unknown address (a Local API call, a request without X-Forwarded-For) is limited by email alone.
    const floodKeys = [ipHash && `ip:${ipHash}`, email && `email:${hashEmail(env.commentIPSalt, email)}`].filter(
      (key): key is string => Boolean(key),
    )
    const { recent, retryAfter } = await floodControl.check(req, floodKeys)
    if (retryAfter) throw tooManyComments(req, retryAfter)
    submission.sender = { floodKeys, ipHash, recent, screened: true }
    return args
  }
