import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { getReadMoreLinks } from '@plugins/read-more'

import { bootScratch, type ScratchContext } from './scratchConfig'

let ctx: ScratchContext

beforeAll(async () => {
  ctx = await bootScratch({ auto: false })
})
afterAll(async () => ctx?.shutdown())

describe('read-more with auto: false', () => {
  it('returns the curated links only, though other episodes share every topic', async () => {
    const subject = await ctx.local.create({ collection: 'subjects', data: { label: 'Science' } })
    const other = await ctx.local.create({ collection: 'episodes', data: { headline: 'Other', subjects: [subject.id] } })
    const source = await ctx.local.create({
      collection: 'episodes',
      data: {
        headline: 'Source',
        readMore: [{ type: 'external', title: 'Elsewhere', url: 'https://example.org/elsewhere' }],
        subjects: [subject.id],
      },
    })
    const curated = [{ kind: 'external', source: 'curated', title: 'Elsewhere', url: 'https://example.org/elsewhere' }]
    expect((await ctx.rest('GET', `/episodes/${source.id}/read-more?limit=10`)).body).toEqual({ links: curated })
    const { body } = await ctx.graphql(`{ ReadMore(collection: "episodes", id: ${source.id}) { kind source title url } }`)
    expect(body.data.ReadMore).toEqual(curated)
    expect(await getReadMoreLinks({ id: source.id, collection: 'episodes', payload: ctx.payload })).toEqual(curated)
    // The same document with room to spare and a shared topic: with auto on it would list `other`.
    expect((await ctx.rest('GET', `/episodes/${other.id}/read-more`)).body).toEqual({ links: [] })
  })
})
