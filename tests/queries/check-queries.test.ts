import { describe, expect, it } from 'vitest'

import { rejectMalformedQueries } from '@/queries/rejectMalformedQueries'

describe('checkQueries', () => {
  it('runs rejectMalformedQueries first in every collection of the config', async () => {
    const config = await (await import('@payload-config')).default
    // Payload adds its own collections (preferences, migrations, locks, jobs, kv) after the plugins
    // run; their access is staff-only, and no plugin can reach them.
    const collections = config.collections.filter(({ slug }) => !slug.startsWith('payload-'))
    expect(collections.length).toBeGreaterThan(5)
    const uncovered = collections.filter(({ hooks }) => hooks.beforeOperation?.[0] !== rejectMalformedQueries).map(({ slug }) => slug)
    expect(uncovered).toEqual([])
  })
})
