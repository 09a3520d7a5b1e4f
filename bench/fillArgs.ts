/**
 * The arguments `run.ts` starts a fill with: `<database file> <published articles>`, with
 * DATABASE_URL set to the same file in the environment (the config reads it when it loads). The
 * two must agree, so that a fill started by hand can never write into a real database.
 */
export const readFillArgs = (): { databaseFile: string; published: number } => {
  const [databaseFile, published] = process.argv.slice(2)
  const count = Number(published)
  if (!databaseFile || !Number.isInteger(count) || count < 1) {
    throw new Error(
      'Usage: DATABASE_URL=file:<file> node --import tsx bench/<fill script>.ts <file> <published articles>',
    )
  }
  if (process.env.DATABASE_URL !== `file:${databaseFile}`) {
    throw new Error(`DATABASE_URL must be file:${databaseFile}, the database named on the command line.`)
  }
  return { databaseFile, published: count }
}
