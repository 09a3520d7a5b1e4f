import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * What PostgreSQL needs for the story lists in place of SQLite's pinned statistics
 * (src/db/plannerStatistics.ts): its planner reads real statistics, which autovacuum keeps fresh.
 * A few tags and bylines carry a large share of the archive while most carry a handful of stories;
 * a larger sample keeps every common one in the most-common-values list, so the planner knows
 * which lists are long (walk the date index, stop at the page size) and which are short (collect
 * the few through the relationship index). `ANALYZE` gives a restored or upgraded database its
 * statistics at once instead of at autovacuum's next pass.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  ALTER TABLE "articles_rels" ALTER COLUMN "tags_id" SET STATISTICS 1000;
  ALTER TABLE "articles_rels" ALTER COLUMN "authors_id" SET STATISTICS 1000;
  ALTER TABLE "articles_rels" ALTER COLUMN "path" SET STATISTICS 1000;
  ALTER TABLE "comments" ALTER COLUMN "article_id" SET STATISTICS 1000;
  ANALYZE;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  ALTER TABLE "articles_rels" ALTER COLUMN "tags_id" SET STATISTICS -1;
  ALTER TABLE "articles_rels" ALTER COLUMN "authors_id" SET STATISTICS -1;
  ALTER TABLE "articles_rels" ALTER COLUMN "path" SET STATISTICS -1;
  ALTER TABLE "comments" ALTER COLUMN "article_id" SET STATISTICS -1;`)
}
