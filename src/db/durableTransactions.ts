import type { SQLiteAdapter } from '@payloadcms/db-sqlite'

import { randomUUID } from 'crypto'

/** Thrown inside a transaction's callback to make Drizzle roll it back; not an error. */
const ROLLBACK = Symbol('rollback')

/**
 * Payload's transactions for Drizzle, except that a failed COMMIT reaches the caller.
 *
 * Payload (3.90) runs each transaction as a Drizzle callback that waits for commit or rollback and
 * catches whatever that callback's promise ends with, a failed COMMIT included: the operation then
 * answers 2xx for a write that was rolled back. Here the commit waits for the callback's outcome.
 */
export const useDurableTransactions = (adapter: SQLiteAdapter): void => {
  const { sessions } = adapter

  adapter.beginTransaction = async () => {
    await adapter.initializing
    return new Promise<string>((resolveID, rejectID) => {
      const id = randomUUID()
      const outcome = adapter.drizzle
        .transaction(async (tx) => {
          const commit = await new Promise<boolean>((decide) => {
            sessions[id] = {
              // Drizzle types the schema of this generic database loosely; it is the adapter's own.
              db: tx as unknown as (typeof sessions)[string]['db'],
              reject: () => (decide(false), settled),
              resolve: () => (decide(true), settled),
            }
            resolveID(id)
          })
          if (!commit) throw ROLLBACK
        })
      const settled: Promise<void> = outcome.catch((error: unknown) => {
        if (error !== ROLLBACK) throw error
      })
      // Before the callback runs (the connection could not begin), this is the caller's error.
      settled.catch(rejectID)
    })
  }

  const end =
    (outcome: 'reject' | 'resolve') =>
    async (incomingID: number | Promise<number | string> | string): Promise<void> => {
      const id = await incomingID
      const session = sessions[id]
      // Several operations can share a transaction: the first to end it does.
      if (!session) return
      delete sessions[id]
      await session[outcome]()
    }
  adapter.commitTransaction = end('resolve')
  adapter.rollbackTransaction = end('reject')
}
