/** Drizzle's `index` of one dialect (`sqlite-core` or `pg-core`): the two are alike but not one type. */
type IndexBuilder = (name: string) => { on: (...columns: never[]) => unknown }

/** What the hook uses of either adapter's `afterSchemaInit` arguments (their column types differ too). */
type SchemaHookArgs<Schema> = {
  extendTable: (args: { extraConfig: (columns: Record<string, any>) => object; table: any }) => unknown
  schema: Schema
}

const LATEST_VERSIONS_INDEX = '_articles_v_latest_published_at_idx'

/**
 * The admin's list of stories (and any `draft=true` read) is the latest version of each, newest
 * first: `WHERE latest = ? ORDER BY version_published_at DESC, created_at DESC`. With Payload's own
 * single-column index on `latest` the database sorts every story's latest version to return ten;
 * this index returns them in order. A collection's `indexes` cannot name `latest` (a version
 * table's column, not a field), so it is added to the built schema through the adapters'
 * documented `afterSchemaInit` hook, where `migrate:create` sees it.
 */
export const latestVersionsIndex =
  (index: IndexBuilder) =>
  <Schema extends { tables: Record<string, any> }>({ extendTable, schema }: SchemaHookArgs<Schema>): Schema => {
    extendTable({
      extraConfig: (columns) => ({
        [LATEST_VERSIONS_INDEX]: index(LATEST_VERSIONS_INDEX).on(...([columns.latest, columns.version_publishedAt, columns.createdAt] as never[])),
      }),
      table: schema.tables._articles_v,
    })
    return schema
  }
