/**
 * One size of `npm run bench:steps` (a child process: the config reads DATABASE_URL as it loads).
 * Starts from Payload's defaults on a filled scratch database and adds the read optimisations one
 * at a time, timing the anonymous home and tag-page reads after each, all in this one process and
 * on the same data. Reads go through the Local API as the public (`overrideAccess: false`, no user):
 * access rules, hooks and population as over REST, without HTTP around them.
 * Prints one JSON line: { step, home, tag }[] with median milliseconds.
 */
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import config from '@payload-config'
import { getPayload } from 'payload'

import { pinPlannerStatistics } from '@/db/plannerStatistics'
import { readFillArgs } from './fillArgs'
import { tagPageRanks } from './targets'
import { tagIDOfRank } from './content'

const SAMPLES = 60
const WARM_UP = 10

type ListShape = { joins?: { comments: false }; pagination: boolean }
type Step = { apply: (payload: Payload) => Promise<void>; label: string; list: ListShape }

const execute = (payload: Payload, sql: string) => (payload.db as unknown as SQLiteAdapter).client.execute(sql)

// Unset is what a collection without the option has; the sanitized config's type does not admit it.
const setDefaultPopulate = (payload: Payload, value: undefined | { articles: false }) => {
  for (const slug of ['authors', 'tags'] as const) {
    payload.collections[slug].config.defaultPopulate = value as { articles: false }
  }
}

const PAYLOAD_DEFAULTS: ListShape = { pagination: true }
const FRONTEND_LISTS: ListShape = { joins: { comments: false }, pagination: false }

const STEPS: Step[] = [
  {
    apply: async (payload) => {
      setDefaultPopulate(payload, undefined)
      await execute(payload, 'DROP INDEX IF EXISTS _status_publishedAt_createdAt_idx')
      await execute(payload, 'CREATE INDEX IF NOT EXISTS _status_publishedAt_idx ON articles (_status, published_at)')
      await execute(payload, 'DELETE FROM sqlite_stat1')
      await execute(payload, 'ANALYZE sqlite_schema')
    },
    label: 'Payload defaults (the previous release): (_status, publishedAt) index, no statistics',
    list: PAYLOAD_DEFAULTS,
  },
  {
    apply: async (payload) => setDefaultPopulate(payload, { articles: false }),
    label: '+ populated tags and authors without their `articles` join (defaultPopulate)',
    list: PAYLOAD_DEFAULTS,
  },
  {
    apply: async (payload) => {
      await execute(payload, 'DROP INDEX IF EXISTS _status_publishedAt_idx')
      await execute(payload, 'CREATE INDEX _status_publishedAt_createdAt_idx ON articles (_status, published_at, created_at)')
    },
    label: '+ (_status, publishedAt, createdAt) index',
    list: PAYLOAD_DEFAULTS,
  },
  {
    apply: async (payload) => pinPlannerStatistics(payload),
    label: '+ pinned planner statistics',
    list: PAYLOAD_DEFAULTS,
  },
  {
    apply: async () => {},
    label: '+ lists without count or comments join (pagination=false, joins[comments]=false)',
    list: FRONTEND_LISTS,
  },
]

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

const timeReads = async (read: (i: number) => Promise<unknown>): Promise<number> => {
  const times: number[] = []
  for (let i = 0; i < WARM_UP + SAMPLES; i++) {
    const began = performance.now()
    await read(i)
    if (i >= WARM_UP) times.push(performance.now() - began)
  }
  return median(times)
}

try {
  readFillArgs()
  const payload = await getPayload({ config })
  const tagIDs = tagPageRanks().map(tagIDOfRank)
  const results: { home: number; label: string; tag: number }[] = []
  for (const step of STEPS) {
    await step.apply(payload)
    const list = (where?: { tags: { in: number[] } }) =>
      payload.find({ collection: 'articles', depth: 1, limit: 10, overrideAccess: false, sort: '-publishedAt', where, ...step.list })
    const home = await timeReads(() => list())
    const tag = await timeReads((i) => list({ tags: { in: [tagIDs[i % tagIDs.length]] } }))
    results.push({ home, label: step.label, tag })
    console.error(`  ${step.label}: home ${home.toFixed(1)} ms, tag page ${tag.toFixed(1)} ms`)
  }
  await payload.destroy()
  process.stdout.write(`${JSON.stringify(results)}\n`)
  process.exit(0)
} catch (error) {
  console.error(error)
  process.exit(1)
}
