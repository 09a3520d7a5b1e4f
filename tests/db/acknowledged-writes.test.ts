import type { SQLiteAdapter } from '@payloadcms/db-sqlite'

import { createClient } from '@libsql/client'
import { sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'

import { graphql, rest } from '../helpers/http'
import { useStaffPayload } from '../helpers/staff'

const { ctx, staff } = useStaffPayload()

let articleID: number

beforeAll(async () => {
  const author = await ctx.payload.create({ collection: 'authors', data: { name: 'Lena Ortiz', slug: 'lena-ortiz' } })
  articleID = (
    await ctx.payload.create({
      collection: 'articles',
      data: { _status: 'published', authors: [author.id], slug: 'quay-fire', title: 'Quay fire' },
    })
  ).id
})

/** Writes of every kind, each checked afterwards against what the database holds. */
const writeBurst = (round: number) =>
  Array.from({ length: 12 }, async (_, i) => {
    const name = `Topic ${round}-${i}`
    if (i % 3 === 0) {
      const response = await rest('POST', '/tags', { body: { name }, token: staff.editor.token })
      return { response, stored: async () => (await ctx.payload.count({ collection: 'tags', where: { name: { equals: name } } })).totalDocs === 1 }
    }
    if (i % 3 === 1) {
      const body = `Comment ${round}-${i}`
      const response = await rest('POST', '/comments', {
        body: { article: articleID, authorEmail: `reader${round}-${i}@example.com`, authorName: 'Reader', body },
        // Its own address each round too: flood control counts X-Forwarded-For (src/http/clientAddress.ts).
        headers: { 'X-Forwarded-For': `203.0.113.${round * 12 + i}` },
      })
      return { response, stored: async () => (await ctx.payload.count({ collection: 'comments', where: { body: { equals: body } } })).totalDocs === 1 }
    }
    const title = `Quay fire, update ${round}-${i}`
    const response = await rest('PATCH', `/articles/${articleID}`, { body: { title }, token: staff.editor.token })
    return { response, stored: async () => true, title }
  })

type Write = Awaited<ReturnType<typeof writeBurst>[number]>

/** Every write answered 2xx is in the database; the article keeps the title of one acknowledged PATCH. */
const expectStored = async (writes: Write[]) => {
  const acknowledged = writes.filter((write) => write.response.status < 300)
  const missing = []
  for (const write of acknowledged) if (!(await write.stored())) missing.push(write.response.body?.doc?.id ?? write.response.body)
  expect(missing).toEqual([])
  const titles = acknowledged.map((write) => write.title).filter(Boolean)
  const { title } = await ctx.payload.findByID({ collection: 'articles', id: articleID })
  if (titles.length) expect(titles).toContain(title)
}

describe('database: acknowledged writes', () => {
  it('stores every one of many simultaneous writes from different users, with no SQLITE_BUSY', async () => {
    const writes = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        i % 2
          ? rest('POST', '/comments', {
              body: { article: articleID, authorEmail: `reader${i}@example.com`, authorName: `Reader ${i}`, body: `Comment ${i}` },
            })
          : rest('POST', '/tags', { body: { name: `Concurrent topic ${i}` }, token: staff.editor.token }),
      ),
    )
    expect(writes.map((write) => write.status)).toEqual(Array(60).fill(201))
    expect((await ctx.payload.count({ collection: 'comments' })).totalDocs).toBe(30)
    expect((await ctx.payload.count({ collection: 'tags', where: { name: { like: 'Concurrent topic' } } })).totalDocs).toBe(30)
  })

  it('keeps every 2xx write made around a REST forgot-password request', async () => {
    for (let round = 0; round < 3; round++) {
      const [forgot, ...writes] = await Promise.all([
        rest('POST', '/users/forgot-password', { body: { email: staff.admin.user.email } }),
        ...writeBurst(round),
      ])
      await expectStored(writes)
      expect(forgot.status).toBe(200)
    }
  })

  it('keeps every 2xx write made around a GraphQL forgotPasswordUser mutation', async () => {
    const [forgot, ...writes] = await Promise.all([
      graphql(`mutation { forgotPasswordUser(email: "${staff.editor.user.email}") }`),
      ...writeBurst(9),
    ])
    await expectStored(writes)
    expect(forgot.body.errors).toBeUndefined()
  })

  it('reports a commit that fails as an error, and keeps nothing of it', async () => {
    const db = ctx.payload.db as unknown as SQLiteAdapter
    const id = (await db.beginTransaction())!
    const tx = db.sessions[id].db as unknown as SQLiteAdapter['drizzle']
    // A foreign key checked at COMMIT, not at the insert: the commit itself fails.
    await tx.run(sql`PRAGMA defer_foreign_keys = ON`)
    await tx.run(sql`INSERT INTO tags (name, slug, updated_at, created_at) VALUES ('Orphan', 'orphan', '2026-01-01', '2026-01-01')`)
    await tx.run(sql`INSERT INTO articles_rels ("order", parent_id, path, tags_id) VALUES (1, 999999, 'tags', 1)`)

    await expect(db.commitTransaction(id)).rejects.toThrow(/FOREIGN KEY/)
    expect((await ctx.payload.count({ collection: 'tags', where: { slug: { equals: 'orphan' } } })).totalDocs).toBe(0)
    // The write turn moved on: the next write is stored.
    expect((await rest('POST', '/tags', { body: { name: 'After the failed commit' }, token: staff.editor.token })).status).toBe(201)
  })

  it('answers an error while another process holds the file, then stores every write again', async () => {
    const other = createClient({ url: `file:${ctx.databaseFile}` })
    await other.execute('BEGIN IMMEDIATE')
    // Writes outside a transaction (this reservation) wait out the busy timeout, then fail.
    const blocked = await rest('POST', '/users/forgot-password', { body: { email: staff.author.user.email } })
    await other.execute('COMMIT')
    other.close()
    expect(blocked.status).toBe(500)

    const writes = await Promise.all(writeBurst(20))
    expect(writes.map((write) => write.response.status)).not.toContain(500)
    await expectStored(writes)
  })
})
