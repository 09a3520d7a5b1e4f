/**
 * The arguments `run.ts` starts a fill with: `<database URL> <published articles>`, with
 * DATABASE_URL set to the same URL in the environment (the config reads it when it loads). The
 * two must agree, so that a fill started by hand can never write into a real database.
 */
export const readFillArgs = (): { databaseURL: string; published: number } => {
  const [databaseURL, published] = process.argv.slice(2)
  const count = Number(published)
  if (!databaseURL || !Number.isInteger(count) || count < 1) {
    throw new Error('Usage: DATABASE_URL=<url> node --import tsx bench/<fill script>.ts <url> <published articles>')
  }
  if (process.env.DATABASE_URL !== databaseURL) {
    throw new Error(`DATABASE_URL must be ${databaseURL}, the database named on the command line.`)
  }
  return { databaseURL, published: count }
}
