import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { getReadMoreLinks } from '@plugins/read-more'

import { executeSQL, testDialect } from '../helpers/testDatabase'
import { bootScratch, type ScratchContext } from './scratchConfig'

let ctx: ScratchContext

beforeAll(async () => {
  ctx = await bootScratch({ disabled: true })
})
afterAll(async () => ctx?.shutdown())

// Every name below is a literal of this file, never input.
const columns = async (table: string) =>
  (
    await executeSQL(
      ctx.payload,
      testDialect === 'postgres'
        ? `SELECT column_name AS name FROM information_schema.columns WHERE table_name = '${table}'`
        : `SELECT name FROM pragma_table_info('${table}')`,
    )
  )
    .map(({ name }) => String(name))
    .sort()

/** The tables' indexes, but for those every table has (SQLite's automatic ones, PostgreSQL's primary keys). */
const indexesOf = async (tables: string[]) => {
  const list = tables.map((table) => `'${table}'`).join(', ')
  const rows = await executeSQL(
    ctx.payload,
    testDialect === 'postgres'
      ? `SELECT indexname AS name FROM pg_indexes WHERE tablename IN (${list}) AND indexname NOT LIKE '%_pkey'`
      : `SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${list})`,
  )
  return rows.map(({ name }) => String(name)).sort()
}

describe('read-more with disabled: true', () => {
  it('keeps the schema: the readMore table and columns, the counts table and the ranking indexes', async () => {
    expect(await columns('episodes_read_more')).toEqual(['_order', '_parent_id', 'id', 'title', 'type', 'url'])
    expect(await columns('episodes_rels')).toEqual(['episodes_id', 'id', 'order', 'parent_id', 'path', 'subjects_id'])
    expect(await columns('read_more_topic_counts')).toEqual(['collection_slug', 'documents', 'id', 'topic'])
    expect(await indexesOf(['episodes_read_more', 'episodes_rels', 'read_more_topic_counts'])).toEqual([
      'collectionSlug_topic_idx',
      'episodes_read_more_order_idx',
      'episodes_read_more_parent_id_idx',
      'episodes_rels_episodes_id_idx',
      'episodes_rels_order_idx',
      'episodes_rels_parent_idx',
      'episodes_rels_path_idx',
      'episodes_rels_read_more_parent_idx',
      'episodes_rels_read_more_topic_idx',
      'episodes_rels_subjects_id_idx',
    ])
  })

  it('has no endpoint, no GraphQL query and no Local API links', async () => {
    const episode = await ctx.local.create({ collection: 'episodes', data: { headline: 'Quiet' } })
    const { status } = await ctx.rest('GET', `/episodes/${episode.id}/read-more`)
    expect(status).toBe(404)
    const { body } = await ctx.graphql(`{ ReadMore(collection: "episodes", id: ${episode.id}) { title } }`)
    expect(body.errors?.[0]?.message).toMatch(/Cannot query field "ReadMore"/)
    await expect(getReadMoreLinks({ id: episode.id, collection: 'episodes', payload: ctx.payload })).rejects.toThrow(
      /not enabled on the collection "episodes"/,
    )
  })

  it('runs no hooks: no counts are kept, and the field is hidden rather than served unfiltered', async () => {
    const subject = await ctx.local.create({ collection: 'subjects', data: { label: 'Science' } })
    const target = await ctx.local.create({ collection: 'episodes', data: { headline: 'Target', subjects: [subject.id] } })
    const source = await ctx.local.create({
      collection: 'episodes',
      data: { headline: 'Source', readMore: [{ type: 'internal', doc: { relationTo: 'episodes', value: target.id } }], subjects: [subject.id] },
    })
    await ctx.local.update({ collection: 'episodes', data: { membersOnly: true }, id: target.id })
    const { totalDocs } = await ctx.local.find({ collection: 'read-more-topic-counts' })
    expect(totalDocs).toBe(0)
    // The row to the now members-only target is still stored (no afterRead filter ran)...
    const stored = await ctx.local.findByID({ collection: 'episodes', id: source.id, overrideAccess: false, showHiddenFields: true })
    expect(stored.readMore).toHaveLength(1)
    // ...which is why the field is hidden from every API while disabled.
    const { body } = await ctx.rest('GET', `/episodes/${source.id}?depth=1`)
    expect(body.readMore).toBeUndefined()
    expect(JSON.stringify(body)).not.toContain('Target')
  })
})
