import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Migration } from 'payload'

import { sql } from '@payloadcms/db-sqlite'
import fs from 'fs/promises'
import path from 'path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { runMigrations } from '@/db/migrateOnInit'
import { migrations as postgresMigrations } from '@/migrations/postgres'
import { migrations as sqliteMigrations } from '@/migrations/sqlite'

import { bootPayload, type TestContext } from '../helpers/bootPayload'
import { testDialect } from '../helpers/testDatabase'

// Runs on the dialect of the run: SQLite in `npm test`, PostgreSQL in `npm run test:postgres`.
let ctx: TestContext

beforeAll(async () => {
  ctx = await bootPayload()
})
afterAll(async () => ctx?.shutdown())

const createMigration = 'run `npm run migrate:create` (with DATABASE_URL set to a database of that dialect) and commit the result'

/** The part of a Drizzle adapter (either dialect) that `migrate:create` works with. */
type MigrationsAdapter = Pick<PostgresAdapter, 'defaultDrizzleSnapshot' | 'migrationDir' | 'requireDrizzleKit' | 'schema'>

/**
 * The statements `migrate:create` would write: the config's schema against the dialect's latest
 * committed snapshot, computed as Payload's own createMigration does.
 */
const uncommittedStatements = async (): Promise<string[]> => {
  const adapter = ctx.payload.db as unknown as MigrationsAdapter
  const { generateDrizzleJson, generateMigration } = adapter.requireDrizzleKit()
  const latest = (await fs.readdir(adapter.migrationDir)).filter((file) => file.endsWith('.json')).sort().at(-1)
  const before = latest
    ? JSON.parse(await fs.readFile(path.join(adapter.migrationDir, latest), 'utf-8'))
    : adapter.defaultDrizzleSnapshot
  return generateMigration(before, await generateDrizzleJson(adapter.schema))
}

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

describe(`database: migrations (${testDialect})`, () => {
  it('applies every committed migration of the dialect at start-up, recorded by name', async () => {
    const committed = (testDialect === 'postgres' ? postgresMigrations : sqliteMigrations).map(({ name }) => name)
    const { docs } = await ctx.payload.find({ collection: 'payload-migrations', limit: 0, pagination: false, sort: 'name' })
    expect(docs.map(({ name }) => name)).toEqual(committed)
  })

  it('has a committed migration for every change of the schema', async () => {
    expect(await uncommittedStatements(), createMigration).toEqual([])
  })

  // drizzle-kit's PostgreSQL introspection reads every numeric column's DEFAULT 0 as a change to
  // make, so on PostgreSQL the committed snapshot is the reference (the test above).
  it.skipIf(testDialect !== 'sqlite')('leaves nothing for push mode to change after the committed migrations ran', async () => {
    const { pushSQLiteSchema } = await import('drizzle-kit/api')
    const adapter = ctx.payload.db as unknown as SQLiteAdapter
    const { statementsToExecute } = await pushSQLiteSchema(adapter.schema, adapter.drizzle)
    // The search index is an FTS5 virtual table (and its shadow tables) made by its own migration:
    // Drizzle's schema cannot describe it, so push would drop it. The project never pushes.
    const outsideDrizzle = /^DROP TABLE `search_index(_(config|content|data|docsize|idx))?`;$/
    expect(statementsToExecute.filter((statement) => !outsideDrizzle.test(statement)), createMigration).toEqual([])
  })

  // The foreign-key hazard of table rebuilds is SQLite's: PostgreSQL alters columns in place.
  it.skipIf(testDialect !== 'sqlite')('keeps relationship rows when a migration rebuilds a related table', async () => {
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
