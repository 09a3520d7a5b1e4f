import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Migration } from 'payload'

import { sql } from '@payloadcms/db-sqlite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { runMigrations } from '@/db/migrateOnInit'

import { bootPayload, type TestContext } from '../helpers/bootPayload'

let ctx: TestContext

beforeAll(async () => {
  ctx = await bootPayload()
})
afterAll(async () => ctx?.shutdown())

/** What `migrate:create` writes to change a column of `tags`: copy the table, drop it, rename the copy. */
const rebuildTags: Migration = {
  down: async () => {},
  name: '29990101_000000_rebuild_tags',
  up: async (args) => {
    const { db } = args as { db: SQLiteAdapter['drizzle'] }
    await db.run(sql`PRAGMA foreign_keys=OFF;`)
    await db.run(sql`CREATE TABLE \`__new_tags\` (
      \`id\` integer PRIMARY KEY NOT NULL, \`name\` text NOT NULL, \`generate_slug\` integer DEFAULT true,
      \`slug\` text, \`description\` text, \`internal\` integer DEFAULT false,
      \`updated_at\` text NOT NULL, \`created_at\` text NOT NULL);`)
    await db.run(sql`INSERT INTO \`__new_tags\` SELECT \`id\`, \`name\`, \`generate_slug\`, \`slug\`, \`description\`, \`internal\`, \`updated_at\`, \`created_at\` FROM \`tags\`;`)
    await db.run(sql`DROP TABLE \`tags\`;`)
    await db.run(sql`ALTER TABLE \`__new_tags\` RENAME TO \`tags\`;`)
    await db.run(sql`PRAGMA foreign_keys=ON;`)
  },
}

describe('database: migrations', () => {
  it('keeps relationship rows when a migration rebuilds a related table', async () => {
    const { payload } = ctx
    const author = await payload.create({ collection: 'authors', data: { name: 'Nadia Rahm' } })
    const tags = await Promise.all(['Harbours', 'Weather'].map((name) => payload.create({ collection: 'tags', data: { name } })))
    const article = await payload.create({
      collection: 'articles',
      data: { _status: 'published', authors: [author.id], tags: tags.map(({ id }) => id), title: 'Port closed by fog' },
    })

    await runMigrations(payload, [rebuildTags])

    const stored = await payload.findByID({ collection: 'articles', depth: 0, id: article.id })
    expect(stored.tags).toEqual(tags.map(({ id }) => id))
    const { totalDocs } = await payload.count({ collection: 'payload-migrations', where: { name: { equals: rebuildTags.name } } })
    expect(totalDocs).toBe(1)
  })
})
