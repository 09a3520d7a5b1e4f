import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`tags\` ADD \`admin_title\` text;`)
  await db.run(sql`CREATE INDEX \`tags_admin_title_idx\` ON \`tags\` (\`admin_title\`);`)
  // Tags from before the field get the title its hook writes (src/fields/tagAdminTitle.ts).
  await db.run(sql`UPDATE \`tags\` SET \`admin_title\` = \`name\` || CASE WHEN \`internal\` THEN ' (internal)' ELSE '' END;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`tags_admin_title_idx\`;`)
  await db.run(sql`ALTER TABLE \`tags\` DROP COLUMN \`admin_title\`;`)
}
