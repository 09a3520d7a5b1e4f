import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`workflow\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`review_note\` text;`)
  await db.run(sql`CREATE INDEX \`articles_workflow_idx\` ON \`articles\` (\`workflow\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_workflow\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_review_note\` text;`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_workflow_idx\` ON \`_articles_v\` (\`version_workflow\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`articles_workflow_idx\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`workflow\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`review_note\`;`)
  await db.run(sql`DROP INDEX \`_articles_v_version_version_workflow_idx\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_workflow\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_review_note\`;`)
}
