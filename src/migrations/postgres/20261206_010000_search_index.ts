import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * The search index (src/search/): the published stories' words with a generated, weighted
 * tsvector (title A; tags, authors and excerpt B; body D) under a GIN index, English stemming as
 * on SQLite. Angle brackets are read as spaces: PostgreSQL's parser takes `<fog>` for an HTML tag
 * and drops the word, where FTS5 indexes it. Written by hand: it is not part of Payload's schema, so migrate:create neither makes
 * nor drops it. A story's row goes with the story.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE TABLE IF NOT EXISTS "search_index" (
    "article_id" integer PRIMARY KEY REFERENCES "articles"("id") ON DELETE CASCADE,
    "title" text NOT NULL,
    "excerpt" text NOT NULL,
    "body" text NOT NULL,
    "topics" text NOT NULL,
    "document" tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('english', translate("title", '<>', '  ')), 'A') ||
      setweight(to_tsvector('english', translate("topics", '<>', '  ')), 'B') ||
      setweight(to_tsvector('english', translate("excerpt", '<>', '  ')), 'B') ||
      setweight(to_tsvector('english', translate("body", '<>', '  ')), 'D')
    ) STORED
  );
  CREATE INDEX IF NOT EXISTS "search_index_document_idx" ON "search_index" USING gin ("document");`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`DROP TABLE IF EXISTS "search_index";`)
}
