import type { PayloadRequest, RequestContext } from 'payload'

import { randomBytes } from 'crypto'
import { Forbidden } from 'payload'

import { isAdmin } from '@/access/roles'

import { InvalidField } from './errors'
import { checkOwnPassword } from './loginWithThrottle'

/** Bytes of randomness in a key: 256 bits, written as 43 base64url characters. */
export const API_KEY_BYTES = 32

/**
 * The `req.context` entry that lets a write change an account's API key: set only by
 * `issueAPIKey` and `revokeAPIKey`, never from a request's body, so every key is the server's.
 */
export const API_KEY_CHANGE = 'newsroomAPIKeyChange'

export const generateAPIKey = (): string => randomBytes(API_KEY_BYTES).toString('base64url')

/** Whether this request is writing an API key that the server chose. */
export const isServerAPIKeyChange = (context: RequestContext): boolean => context[API_KEY_CHANGE] === true

type APIKeyChange = {
  /** The password of the account asking, required when it changes its own key. */
  currentPassword?: unknown
  id: number | string
  req: PayloadRequest
}

/**
 * Who may create or replace a key: the account itself with its current password, so a stolen
 * session or key cannot mint a lasting one, or an admin for another account.
 */
const authorize = async ({ currentPassword, id, req }: APIKeyChange): Promise<void> => {
  const { user } = req
  if (!user || user.collection !== 'users') throw new Forbidden(req.t)
  if (String(user.id) !== String(id)) {
    if (!isAdmin(user)) throw new Forbidden(req.t)
    return
  }
  if (typeof currentPassword !== 'string' || !currentPassword) {
    throw new InvalidField(
      'users',
      'currentPassword',
      'Enter your current password (currentPassword) to create or replace your API key.',
    )
  }
  if (!(await checkOwnPassword(req, user, currentPassword))) {
    throw new InvalidField('users', 'currentPassword', 'The current password (currentPassword) is incorrect.')
  }
}

/**
 * Creates or replaces the API key of account `id` and returns it: the only time it is readable,
 * since Payload keeps it encrypted and never returns it (no `reveal`).
 */
export const issueAPIKey = async (change: APIKeyChange): Promise<string> => {
  await authorize(change)
  const apiKey = generateAPIKey()
  // On behalf of the person asking: Payload's own update access (self or admin) still applies.
  await change.req.payload.update({
    id: change.id,
    collection: 'users',
    context: { [API_KEY_CHANGE]: true },
    data: { apiKey, enableAPIKey: true },
    depth: 0,
    overrideAccess: false,
    req: change.req,
  })
  return apiKey
}

/** Removes the API key of account `id`: no password needed, it only takes access away. */
export const revokeAPIKey = async ({ id, req }: Omit<APIKeyChange, 'currentPassword'>): Promise<void> => {
  await req.payload.update({
    id,
    collection: 'users',
    context: { [API_KEY_CHANGE]: true },
    data: { apiKey: null, enableAPIKey: false },
    depth: 0,
    overrideAccess: false,
    req,
  })
}
