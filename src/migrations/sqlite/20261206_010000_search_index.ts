import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

/**
 * The search index (src/search/): an FTS5 table of the published stories' words, keyed by the
 * story's id as its rowid. Porter stemming, so "ferries" finds "ferry". Written by hand: Drizzle's
 * schema has no virtual tables, so migrate:create neither makes nor drops it. The search plugin
 * fills it at start-up when a database already had stories.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE VIRTUAL TABLE IF NOT EXISTS \`search_index\` USING fts5(
    title, excerpt, body, topics, tokenize = 'porter unicode61 remove_diacritics 2');`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE IF EXISTS \`search_index\`;`)
}
