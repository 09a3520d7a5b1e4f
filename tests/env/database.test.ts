import { describe, expect, it } from 'vitest'

import { loadEnv, useEnvironment } from '../helpers/environment'

const VARIABLES = [
  'DATABASE_URL',
  'DATABASE_POOL_MAX',
  'DATABASE_STATEMENT_TIMEOUT_MS',
  'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS',
  'DATABASE_REPLICA_URLS',
]

useEnvironment({ set: { PAYLOAD_SECRET: 'database-env-test-secret' }, unset: VARIABLES })

describe('src/env.ts database', () => {
  it('keeps the SQLite file by default and for a file: URL', async () => {
    expect((await loadEnv()).env.database).toEqual({
      dialect: 'sqlite',
      idleInTransactionTimeoutMs: undefined,
      poolMax: undefined,
      replicaURLs: [],
      statementTimeoutMs: undefined,
      url: 'file:./data/newsroom.db',
    })
    process.env.DATABASE_URL = 'file:/var/lib/newsroom/newsroom.db'
    expect((await loadEnv()).env.database).toMatchObject({ dialect: 'sqlite', url: 'file:/var/lib/newsroom/newsroom.db' })
  })

  it('selects PostgreSQL for postgres:// and postgresql:// URLs, with its pool, timeouts and replicas', async () => {
    Object.assign(process.env, {
      DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '60000',
      DATABASE_POOL_MAX: '20',
      DATABASE_REPLICA_URLS: 'postgres://replica-1/newsroom, postgresql://replica-2/newsroom',
      DATABASE_STATEMENT_TIMEOUT_MS: '15000',
      DATABASE_URL: 'postgresql://newsroom:secret@db.internal:5432/newsroom',
    })
    expect((await loadEnv()).env.database).toEqual({
      dialect: 'postgres',
      idleInTransactionTimeoutMs: 60_000,
      poolMax: 20,
      replicaURLs: ['postgres://replica-1/newsroom', 'postgresql://replica-2/newsroom'],
      statementTimeoutMs: 15_000,
      url: 'postgresql://newsroom:secret@db.internal:5432/newsroom',
    })
    process.env.DATABASE_URL = 'postgres://127.0.0.1/newsroom'
    expect((await loadEnv()).env.database.dialect).toBe('postgres')
  })

  it('refuses a URL of another database, without printing its password', async () => {
    process.env.DATABASE_URL = 'mysql://newsroom:secret@db/newsroom'
    await expect(loadEnv()).rejects.toThrow('DATABASE_URL must be a file: URL of a SQLite file or a postgres:// URL, not "mysql://…@db/newsroom".')
  })

  it.each(['1', 'ten', '-3', '2.5'])('refuses DATABASE_POOL_MAX=%s at start-up, naming the variable', async (value) => {
    Object.assign(process.env, { DATABASE_POOL_MAX: value, DATABASE_URL: 'postgres://127.0.0.1/newsroom' })
    await expect(loadEnv()).rejects.toThrow(`DATABASE_POOL_MAX must be a whole number of connections, at least 2, not "${value}".`)
  })

  it.each(['DATABASE_STATEMENT_TIMEOUT_MS', 'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS'])(
    'refuses a %s that is not a whole number of milliseconds',
    async (name) => {
      Object.assign(process.env, { [name]: '5s', DATABASE_URL: 'postgres://127.0.0.1/newsroom' })
      await expect(loadEnv()).rejects.toThrow(`${name} must be a whole number of milliseconds, not "5s".`)
    },
  )

  it('refuses replicas that are not PostgreSQL URLs, and replicas of a SQLite database', async () => {
    Object.assign(process.env, { DATABASE_REPLICA_URLS: 'replica-1:5432', DATABASE_URL: 'postgres://127.0.0.1/newsroom' })
    await expect(loadEnv()).rejects.toThrow(/DATABASE_REPLICA_URLS must list postgres:\/\/ URLs.*"replica-1:5432" is not one/)
    Object.assign(process.env, { DATABASE_REPLICA_URLS: 'postgres://replica-1/newsroom', DATABASE_URL: 'file:./data/newsroom.db' })
    await expect(loadEnv()).rejects.toThrow('DATABASE_REPLICA_URLS needs a PostgreSQL DATABASE_URL')
  })
})
