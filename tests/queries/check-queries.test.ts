import type { FlattenedField } from 'payload'

import { describe, expect, it } from 'vitest'

import { operandProblem } from '@/queries/operandProblem'
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

describe('operandProblem', () => {
  const richText = { name: 'content', type: 'richText' } as FlattenedField
  const options = { idTypeOf: () => 'number' as const, ownIDType: 'number' as const }

  it('refuses a text search in rich text on PostgreSQL, whose jsonb ILIKE cannot run, and lets SQLite run it', () => {
    for (const operator of ['like', 'contains', 'not_like']) {
      expect(operandProblem(richText, operator, 'harbour', { ...options, dialect: 'postgres' })).toMatch(/cannot search a richText field's text on this database/)
      expect(operandProblem(richText, operator, 'harbour', { ...options, dialect: 'sqlite' })).toBeUndefined()
    }
    expect(operandProblem(richText, 'exists', true, { ...options, dialect: 'postgres' })).toBeUndefined()
  })
})
