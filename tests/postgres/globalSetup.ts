import pg from 'pg'

import { postgresAdminURL } from '../helpers/testDatabase'

/** Fails `npm run test:postgres` once, with the server's URL, instead of every file on its own. */
export default async function checkServer(): Promise<void> {
  const client = new pg.Client({ connectionString: postgresAdminURL(), connectionTimeoutMillis: 5000 })
  try {
    await client.connect()
    await client.query('SELECT 1')
  } catch (error) {
    throw new Error(
      `npm run test:postgres needs a PostgreSQL server where it may create databases, at TEST_POSTGRES_URL (${postgresAdminURL()}): ${(error as Error).message}`,
    )
  } finally {
    await client.end().catch(() => undefined)
  }
}
