import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_articles_workflow" AS ENUM('draft', 'inReview', 'changesRequested');
  CREATE TYPE "public"."enum__articles_v_version_workflow" AS ENUM('draft', 'inReview', 'changesRequested');
  ALTER TABLE "articles" ADD COLUMN "workflow" "enum_articles_workflow" DEFAULT 'draft';
  ALTER TABLE "articles" ADD COLUMN "review_note" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_workflow" "enum__articles_v_version_workflow" DEFAULT 'draft';
  ALTER TABLE "_articles_v" ADD COLUMN "version_review_note" varchar;
  CREATE INDEX "articles_workflow_idx" ON "articles" USING btree ("workflow");
  CREATE INDEX "_articles_v_version_version_workflow_idx" ON "_articles_v" USING btree ("version_workflow");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "articles_workflow_idx";
  DROP INDEX "_articles_v_version_version_workflow_idx";
  ALTER TABLE "articles" DROP COLUMN "workflow";
  ALTER TABLE "articles" DROP COLUMN "review_note";
  ALTER TABLE "_articles_v" DROP COLUMN "version_workflow";
  ALTER TABLE "_articles_v" DROP COLUMN "version_review_note";
  DROP TYPE "public"."enum_articles_workflow";
  DROP TYPE "public"."enum__articles_v_version_workflow";`)
}
