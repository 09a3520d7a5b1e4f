import type { Payload } from 'payload'

import { originCacheOf } from './signalWrites'

/**
 * Makes every cached answer unreachable. Payload's writes do this themselves; call it after a write
 * that bypasses Payload (raw SQL on `payload.db.drizzle`, a restore), or readers get the old answers.
 */
export const invalidateOriginCache = async (payload: Payload): Promise<void> => {
  await originCacheOf(payload.db)?.invalidate()
}
