import type { Payload } from 'payload'

import type { SanitizedReadMoreOptions } from '../types'

import { getSQLiteAdapter } from '../utilities/sqlite'
import { hasTopicCounts, rebuildTopicCounts } from '../utilities/topicCounts'

/**
 * Runs after the config's own `onInit` (which may apply the migrations that create the table).
 * Counts a collection's topics once when they were never counted: the plugin was just installed
 * on existing documents, or the database is new.
 */
export const buildMissingTopicCounts = async (payload: Payload, options: SanitizedReadMoreOptions): Promise<void> => {
  const adapter = getSQLiteAdapter(payload)
  for (const slug of options.collections) {
    const target = { options, payload, slug }
    if (await hasTopicCounts(target)) continue
    const transactionID = (await adapter.beginTransaction()) ?? undefined
    try {
      await rebuildTopicCounts({ ...target, req: { transactionID } })
      if (transactionID !== undefined) await adapter.commitTransaction(transactionID)
    } catch (error) {
      if (transactionID !== undefined) await adapter.rollbackTransaction(transactionID)
      throw error
    }
  }
}
