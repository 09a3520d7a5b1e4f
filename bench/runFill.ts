import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import { getPayload } from 'payload'

import { readFillArgs } from './fillArgs'
import { writeArchive } from './writeArchive'

type Config = Parameters<typeof getPayload>[0]['config']

/**
 * The body of a fill script (a child process of `bench/run.ts`): writes the archive through the
 * config's database with bulk SQL, then runs `afterWrite` for what those writes bypassed, and
 * exits with the outcome for `run.ts` to read.
 */
export const runFill = async (side: string, config: Config, afterWrite?: (payload: Payload) => Promise<void>): Promise<void> => {
  try {
    const { published } = readFillArgs()
    const payload = await getPayload({ config })
    const counts = await writeArchive((payload.db as unknown as SQLiteAdapter).client, published)
    await afterWrite?.(payload)
    await payload.destroy()
    console.error(`${side} fill: ${counts.articles} articles, ${counts.comments} comments`)
    process.exit(0)
  } catch (error) {
    console.error(error)
    process.exit(1)
  }
}
