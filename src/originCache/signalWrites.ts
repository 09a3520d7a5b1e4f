import type { BaseDatabaseAdapter, PayloadRequest } from 'payload'

import type { EndWrite, OriginCache } from './types'

/** Every adapter method that changes rows a public answer may be made of. */
const WRITE_METHODS = [
  'create',
  'createGlobal',
  'createGlobalVersion',
  'createVersion',
  'deleteMany',
  'deleteOne',
  'deleteVersions',
  'updateGlobal',
  'updateGlobalVersion',
  'updateMany',
  'updateOne',
  'updateVersion',
  'upsert',
] as const

/**
 * Payload's bookkeeping, which no public answer is made of: the admin's document locks and
 * preferences are written every few seconds while someone edits, and would empty the cache each time.
 */
const UNSHARED_COLLECTIONS = new Set(['payload-jobs', 'payload-locked-documents', 'payload-migrations', 'payload-preferences'])

type WriteArgs = { collection?: string; collectionSlug?: string; req?: Partial<PayloadRequest> }
type WriteMethod = (args: WriteArgs) => Promise<unknown>
type TransactionID = number | Promise<number | string> | string
type EndTransaction = (id: TransactionID) => Promise<void>

/** What the API routes find on the adapter: Next.js may load this module once per route bundle. */
type OriginCacheScope = { originCache?: OriginCache }

/** The origin cache of the adapter `signalWrites` was given, if any. */
export const originCacheOf = (db: unknown): OriginCache | undefined => (db as OriginCacheScope).originCache

/**
 * Tells the origin cache about every write the adapter makes, at the two moments its exactness
 * rests on: before the first statement of a write can change a row (W++, G++), and after the
 * transaction that holds it committed or rolled back (G++, W--). A write outside a transaction ends
 * with its statement. Payload calls `afterOperation` hooks before it commits, and nested Local API
 * calls share the outer transaction, so only the adapter sees the commit itself; a job, a scheduled
 * publish, the admin and the Local API all write through here.
 */
export const signalWrites = (adapter: BaseDatabaseAdapter, cache: OriginCache): void => {
  const inTransaction = new Map<number | string, Promise<EndWrite>>()
  const methods = adapter as unknown as Record<(typeof WRITE_METHODS)[number], WriteMethod>
  for (const name of WRITE_METHODS) {
    const write = methods[name].bind(adapter)
    methods[name] = async (args) => {
      const collection = args.collection ?? args.collectionSlug
      if (collection && UNSHARED_COLLECTIONS.has(collection)) return write(args)
      const id = await args.req?.transactionID
      if (id !== undefined && id in ((adapter as { sessions?: object }).sessions ?? {})) {
        // The first write of a transaction begins it for all; set before awaiting, so a second one waits on the same.
        let begun = inTransaction.get(id)
        if (!begun) {
          begun = cache.beginWrite()
          inTransaction.set(id, begun)
        }
        await begun
        return write(args)
      }
      const end = await cache.beginWrite()
      try {
        return await write(args)
      } finally {
        await end()
      }
    }
  }
  const ending = (endTransaction: EndTransaction): EndTransaction => async (incomingID) => {
    const id = await incomingID
    try {
      await endTransaction.call(adapter, id)
    } finally {
      const begun = inTransaction.get(id)
      if (begun) {
        inTransaction.delete(id)
        // A write whose beginning failed was refused before it touched a row: nothing to end.
        const end = await begun.catch(() => undefined)
        await end?.()
      }
    }
  }
  adapter.commitTransaction = ending(adapter.commitTransaction)
  adapter.rollbackTransaction = ending(adapter.rollbackTransaction)
  Object.assign(adapter, { originCache: cache } satisfies OriginCacheScope)
}
