import type { Payload, PayloadRequest } from 'payload'

import { commitTransaction, initTransaction, killTransaction } from 'payload'

import type { SanitizedReadMoreOptions } from '../types'

import { getDialect } from '../dialects'

/**
 * Runs after the config's own `onInit` (which may apply the migrations that create the table).
 * Counts a collection's topics once when they were never counted: the plugin was just installed
 * on existing documents, or the database is new. One transaction per collection, so a failed
 * count leaves no half-built rows that would look complete at the next start.
 */
export const buildMissingTopicCounts = async (payload: Payload, options: SanitizedReadMoreOptions): Promise<void> => {
  const dialect = getDialect(payload)
  for (const slug of options.collections) {
    if (await dialect.hasTopicCounts({ options, payload, slug })) continue
    const req: Partial<PayloadRequest> & { payload: Payload } = { payload }
    const ownsTransaction = await initTransaction(req)
    try {
      await dialect.rebuildTopicCounts({ options, payload, req, slug })
      if (ownsTransaction) await commitTransaction(req)
    } catch (error) {
      await killTransaction(req)
      throw error
    }
  }
}
