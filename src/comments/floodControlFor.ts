import type { PayloadRequest } from 'payload'

import { env } from '@/env'

import { type FloodControl, getFloodControl } from './floodControl'

/** The process's flood control, configured from the environment, reporting store failures to Payload's log. */
export const floodControlFor = (req: PayloadRequest): FloodControl =>
  getFloodControl({
    databaseURL: env.rateLimitDatabaseURL,
    onStoreError: (err) =>
      req.payload.logger.error({ err, msg: 'Flood control cannot use RATE_LIMIT_DATABASE_URL: counting in memory instead.' }),
  })
