import type { Payload, PayloadRequest } from 'payload'

/**
 * The Drizzle connection of the request's transaction when there is one, so the index is written
 * with the story it describes and rolled back with it; the adapter's shared connection otherwise.
 */
export const connectionFor = async (payload: Payload, req?: Partial<PayloadRequest>): Promise<unknown> => {
  const transactionID = req?.transactionID ? await req.transactionID : undefined
  const session = transactionID !== undefined ? payload.db.sessions?.[transactionID] : undefined
  return session?.db ?? (payload.db as unknown as { drizzle: unknown }).drizzle
}
