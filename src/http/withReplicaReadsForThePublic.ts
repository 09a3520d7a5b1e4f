import type { SanitizedConfig } from 'payload'

import { getPayload } from 'payload'

import { readAs } from '@/db/replicaReads'

import { carriesCredentials } from './carriesCredentials'

type Handler<TArgs extends unknown[]> = (request: Request, ...args: TArgs) => Promise<Response>

/**
 * Lets an API request's reads go to a read replica (DATABASE_REPLICA_URLS) only when it carries no
 * credentials, the test that also lets shared caches keep its answer: a request with a JWT, an API
 * key or the session cookie reads from the primary, and so sees what its account has just written.
 * Payload does not tell the adapter who a findByID is for; the request does (src/db/replicaReads.ts).
 */
export const withReplicaReadsForThePublic =
  (config: Promise<SanitizedConfig>) =>
  <TArgs extends unknown[]>(handler: Handler<TArgs>): Handler<TArgs> =>
  async (request, ...args) => {
    // The instance Payload's own handler uses (it asks for it the same way).
    const { db } = await getPayload({ config, cron: true })
    return readAs(db, carriesCredentials(request) ? 'account' : 'public', () => handler(request, ...args))
  }
