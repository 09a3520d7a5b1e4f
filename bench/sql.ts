/** A string as an SQL literal: bulk inserts are built as text, one statement per table and batch. */
export const quote = (value: string): string => `'${value.replaceAll("'", "''")}'`

/** Any value a bench row holds, as an SQL literal. */
export const literal = (value: boolean | null | number | string): string => {
  if (value === null) return 'NULL'
  // SQLite (3.23 and later) and PostgreSQL both read TRUE and FALSE; PostgreSQL refuses 1 and 0 for a boolean.
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (typeof value === 'number') return String(value)
  return quote(value)
}

export type Row = Record<string, boolean | null | number | string>

/** One multi-row INSERT; every row must have the columns of the first, in any order. */
export const insertStatement = (table: string, rows: Row[]): string => {
  const columns = Object.keys(rows[0])
  const values = rows.map((row) => `(${columns.map((column) => literal(row[column])).join(', ')})`)
  return `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) VALUES ${values.join(', ')}`
}
