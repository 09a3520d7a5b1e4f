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

  it('refuses a text search in rich text on every database: it would read the stored JSON (link ids included), not the words', () => {
    for (const operator of ['like', 'contains', 'not_like']) {
      expect(operandProblem(richText, operator, 'harbour', options)).toMatch(/cannot search a richText field's text .*GET \/api\/search/)
    }
    expect(operandProblem(richText, 'exists', true, options)).toBeUndefined()
  })
})
