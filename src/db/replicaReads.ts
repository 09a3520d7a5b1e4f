import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import type { PostgresAdapter } from '@payloadcms/db-postgres'

import { AsyncLocalStorage } from 'async_hooks'

/** The adapter methods that only read; Payload's drizzle adapter sends them to a replica outside a transaction. */
const READ_METHODS = [
  'count',
  'countGlobalVersions',
  'countVersions',
  'find',
  'findDistinct',
  'findGlobal',
  'findGlobalVersions',
  'findOne',
  'findVersions',
  'queryDrafts',
] as const

type ReadArgs = { collection?: CollectionSlug; req?: Partial<PayloadRequest> }
type ReadMethod = (this: PostgresAdapter, args: ReadArgs) => Promise<unknown>

/** Who an API request reads for: a client with credentials (staff), or the public. */
export type Reader = 'account' | 'public'

/** What the adapter offers the API routes when it has replicas: their handlers run as one reader's. */
type ReaderScope = { readAs: <T>(reader: Reader, work: () => Promise<T>) => Promise<T> }

/**
 * Runs an API request's handler as the reads of `reader`. Found on the adapter, not in this module:
 * Next.js may load this module once per route bundle, while every route shares one Payload.
 */
export const readAs = <T>(db: unknown, reader: Reader, work: () => Promise<T>): Promise<T> => {
  const { readAs: run } = db as Partial<ReaderScope>
  return run ? run(reader, work) : work()
}

/**
 * Sends to the primary every read that is not the public's: replication lag is acceptable for
 * readers of published stories, not for the editor who has just saved one. Drizzle's
 * `withReplicas` picks a replica for any SELECT outside a transaction; for the other reads, the
 * read methods run on a view of the adapter whose `drizzle` is the primary. Writes, and reads in a
 * write's transaction, use the primary already.
 *
 * A read is the public's when it is made for no logged-in user (`req.user`), in an API request
 * without credentials (`readAs`), of a collection other than an auth collection (the
 * authentication lookups themselves: a session or key created a moment ago) or Payload's own
 * (`payload-migrations`, `payload-jobs`, …: bookkeeping that later writes rely on). Payload's
 * findByID passes the adapter no user; outside an API request such a read goes to the primary.
 */
export const sendOnlyPublicReadsToReplicas = (adapter: PostgresAdapter, payload: Payload): void => {
  const readers = new AsyncLocalStorage<Reader>()
  const isPublic = ({ collection, req }: ReadArgs): boolean => {
    if (collection && (payload.collections[collection]?.config.auth || collection.startsWith('payload-'))) return false
    if (req?.user) return false
    const reader = readers.getStore()
    if (reader) return reader === 'public'
    // A whole request without a user (the Local API's, a job's) is anonymous; findByID's `{ transactionID }` says nothing.
    return Boolean(req?.payload)
  }
  // A getter: the adapter sets `primaryDrizzle` when it connects, and again when it reconnects.
  const onPrimary = Object.create(adapter, {
    drizzle: { get: () => adapter.primaryDrizzle ?? adapter.drizzle },
  }) as PostgresAdapter
  const methods = adapter as unknown as Record<(typeof READ_METHODS)[number], ReadMethod>
  for (const name of READ_METHODS) {
    const read = methods[name]
    methods[name] = (args) => read.call(isPublic(args) ? adapter : onPrimary, args)
  }
  const scope: ReaderScope = { readAs: (reader, work) => readers.run(reader, work) }
  Object.assign(adapter, scope)
}
