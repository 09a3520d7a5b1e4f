import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "tags" ADD COLUMN "admin_title" varchar;
  CREATE INDEX "tags_admin_title_idx" ON "tags" USING btree ("admin_title");`)
  // Tags from before the field get the title its hook writes (src/fields/tagAdminTitle.ts).
  await db.execute(sql`UPDATE "tags" SET "admin_title" = "name" || CASE WHEN "internal" THEN ' (internal)' ELSE '' END;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "tags_admin_title_idx";
  ALTER TABLE "tags" DROP COLUMN "admin_title";`)
}
