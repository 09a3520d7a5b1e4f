/**
 * Fills a scratch database for the bare-Payload baseline (a child process of `bench/run.ts`): its
 * schema is pushed by Payload in development mode (a separate database, which never sees a
 * migration), then the same archive as the project's is written with the same bulk SQL.
 */
import config from './baseline/payload.config'
import { runFill } from './runFill'

// Payload pushes the schema only outside production.
if (process.env.NODE_ENV === 'production') throw new Error('The baseline fill must not run with NODE_ENV=production.')
await runFill('baseline', config)
