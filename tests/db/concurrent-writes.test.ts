import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestContext } from '../helpers/bootPayload'
import { rest } from '../helpers/http'
import { createStaff, type Staff } from '../helpers/staff'

let ctx: TestContext
let staff: Staff
let articleID: number

const WRITES = 60

beforeAll(async () => {
  ctx = await bootPayload()
  staff = await createStaff(ctx.payload)
  const author = await ctx.payload.create({ collection: 'authors', data: { name: 'Lena Ortiz', slug: 'lena-ortiz' } })
  articleID = (
    await ctx.payload.create({
      collection: 'articles',
      data: { _status: 'published', authors: [author.id], slug: 'quay-fire', title: 'Quay fire' },
    })
  ).id
})
afterAll(async () => ctx?.shutdown())

describe('database: concurrent writes', () => {
  it('stores every one of many simultaneous writes from different users, with no SQLITE_BUSY', async () => {
    const responses = await Promise.all(
      Array.from({ length: WRITES }, (_, i) =>
        i % 2
          ? rest('POST', '/comments', {
              body: { article: articleID, authorEmail: `reader${i}@example.com`, authorName: `Reader ${i}`, body: `Comment ${i}` },
            })
          : rest('POST', '/tags', { body: { name: `Topic ${i}` }, token: staff.editor.token }),
      ),
    )

    expect(responses.map((response) => response.status)).toEqual(Array(WRITES).fill(201))
    expect((await ctx.payload.count({ collection: 'comments' })).totalDocs).toBe(WRITES / 2)
    expect((await ctx.payload.count({ collection: 'tags' })).totalDocs).toBe(WRITES / 2)
  })
})
