import type { RequiredDataFromCollectionSlug } from 'payload'

import { describe, expect, it, vi } from 'vitest'

import { PARENT_NOT_ALLOWED } from '@collections/Comments/fields/validateParent'

import { commentData, graphqlAs, storedComment, useCommentsSuite } from './helpers'

const suite = useCommentsSuite()

type Read = { collection: string; method: string; where?: unknown }

/** Every adapter read made while `run` runs. */
const readsDuring = async (run: () => Promise<unknown>): Promise<Read[]> => {
  const { db } = suite.ctx.payload
  const reads: Read[] = []
  const spies = (['count', 'find', 'findOne'] as const).map((method) => {
    const original = db[method].bind(db) as (args: Read) => Promise<unknown>
    return vi.spyOn(db, method).mockImplementation((async (args: Read) => {
      reads.push({ collection: args.collection, method, where: args.where })
      return original(args)
    }) as never)
  })
  try {
    await run()
  } finally {
    for (const spy of spies) spy.mockRestore()
  }
  return reads
}

/** The ids a `where` constrains `id` to, at any depth of its `and`/`or`. */
const idsIn = (where: unknown): string[] => {
  if (Array.isArray(where)) return where.flatMap(idsIn)
  if (!where || typeof where !== 'object') return []
  return Object.entries(where).flatMap(([key, value]) => {
    if (key !== 'id') return idsIn(value)
    const { equals, in: list } = value as { equals?: unknown; in?: unknown[] }
    return [equals, ...(list ?? [])].filter((id) => id !== undefined).map(String)
  })
}

/** How one document was read: the adapter methods whose `where` named its id, sorted. */
const readsOf = (reads: Read[], collection: string, id: number): string[] =>
  reads
    .filter((read) => read.collection === collection && idsIn(read.where).includes(String(id)))
    .map((read) => read.method)
    .sort()

describe('comments: what one create reads', () => {
  it('reads a reply’s parent and article once each, besides the public-read policy’s one check that the reader may see them', async () => {
    const { payload } = suite.ctx
    const article = suite.fx.open.id
    const parent = await storedComment(payload, article)
    const reads = await readsDuring(() =>
      payload.create({
        collection: 'comments',
        data: commentData(article, { parent: parent.id }) as RequiredDataFromCollectionSlug<'comments'>,
        depth: 0,
        overrideAccess: false,
      }),
    )
    // findOne: the pipeline's system read (open for comments, approved, level, the mail's title);
    // find: `readableIDs`, asked as the reader and remembered for the response's relation hiding.
    expect(readsOf(reads, 'articles', article)).toEqual(['find', 'findOne'])
    expect(readsOf(reads, 'comments', parent.id)).toEqual(['find', 'findOne'])
  })

  it('reads the parent afresh for each create of one GraphQL request, so a reply sees a moderator’s change made before it', async () => {
    const parent = await storedComment(suite.ctx.payload, suite.fx.open.id)
    const reply = (n: number) => ({ ...commentData(suite.fx.open.id, { parent: parent.id }), body: `Reply ${n} to ${parent.id}.` })
    const { body } = await graphqlAs(
      `mutation($first: mutationCommentInput!, $second: mutationCommentInput!, $parent: Int!, $reject: mutationCommentUpdateInput!) {
        first: createComment(data: $first) { id }
        reject: updateComment(id: $parent, data: $reject) { id }
        second: createComment(data: $second) { id }
      }`,
      { first: reply(1), parent: parent.id, reject: { status: 'rejected' }, second: reply(2) },
      { token: suite.staff.editor.token },
    )
    expect(body.data?.first?.id).toEqual(expect.any(Number))
    expect(body.data?.reject?.id).toBe(parent.id)
    expect(body.data?.second).toBeNull()
    expect(body.errors?.[0]?.extensions?.data?.errors?.[0]).toMatchObject({ message: PARENT_NOT_ALLOWED, path: 'parent' })
  })
})
