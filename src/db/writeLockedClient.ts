import {
  type Client,
  createClient,
  type InStatement,
  LibsqlError,
  type ResultSet,
  type Transaction,
} from '@libsql/client'
import { Mutex, type MutexInterface, withTimeout } from 'async-mutex'
import fs from 'fs'
import path from 'path'

export type WriteLockedClientOptions = {
  /**
   * How long SQLite waits for another process (a CLI, a seed) that holds the file's write lock.
   * @default 5000
   */
  busyTimeoutMs?: number
  /**
   * How long a write waits for the writes queued before it in this process, before it fails.
   * @default 30000
   */
  lockTimeoutMs?: number
  /** A `file:` URL. */
  url: string
}

/** A connection that can be swapped for a new one; `current` resolves once it is open. */
type Connection = { current: Promise<Client> }

const sqlOf = (stmt: InStatement): string => (typeof stmt === 'string' ? stmt : stmt.sql)

/** Statements that only read: they run beside writes, on their own connection (WAL mode). */
const isRead = (stmt: InStatement): boolean => /^\s*(select|explain)\b/i.test(sqlOf(stmt))

/**
 * SQLITE_BUSY stops a statement without resetting it, and libSQL offers no way to reset it: the
 * connection then refuses every later COMMIT ("cannot commit transaction - SQL statements in
 * progress"). Only a new connection is safe after it.
 */
const taintsConnection = (error: unknown): boolean =>
  // Matched by code: the client's LibsqlError class can be loaded twice (ESM and CommonJS builds).
  String((error as { code?: unknown } | undefined)?.code).startsWith('SQLITE_BUSY')

/** Makes the folder of a `file:` URL's database: SQLite creates the file, not its folder. */
export const ensureDatabaseFolder = (url: string): void => {
  if (!url.startsWith('file:')) return
  const file = url.slice('file:'.length).replace(/\?.*$/, '')
  if (file && file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
}

/**
 * A libSQL client for one SQLite file, shared by every request of this process, that never
 * acknowledges a write it could not make durable.
 *
 * `@libsql/client` hands its connection to each transaction and opens a fresh one, without the busy
 * timeout, for whatever runs next; and libSQL runs statements synchronously on Node's one thread, so
 * two connections of one process cannot wait for each other's write lock. Here every write, in a
 * transaction or not, runs on one writer connection behind an in-process lock, and reads outside a
 * transaction run on a reader connection, which WAL mode lets see each commit at once.
 *
 * A transaction takes the lock at its first write, not at BEGIN: Payload's forgot-password opens a
 * transaction, then writes outside it and waits for that write, which must not queue behind it.
 */
export const createWriteLockedClient = async ({
  busyTimeoutMs = 5000,
  lockTimeoutMs = 30_000,
  url,
}: WriteLockedClientOptions): Promise<Client> => {
  ensureDatabaseFolder(url)
  const open = async (): Promise<Client> => {
    const client = createClient({ url })
    await client.execute(`PRAGMA busy_timeout = ${busyTimeoutMs}`)
    return client
  }
  const writer: Connection = { current: open() }
  const reader: Connection = { current: open() }
  await (await writer.current).execute('PRAGMA journal_mode = WAL')
  const lock = withTimeout(
    new Mutex(),
    lockTimeoutMs,
    new Error(`The database stayed busy for ${lockTimeoutMs / 1000} s: the write was not started.`),
  )

  const on = async <T>(connection: Connection, work: (client: Client) => Promise<T>): Promise<T> => {
    const opened = connection.current
    const client = await opened
    try {
      return await work(client)
    } catch (error) {
      if (taintsConnection(error) && connection.current === opened) {
        connection.current = open()
        client.close()
      }
      throw error
    }
  }
  const write = <T>(work: (client: Client) => Promise<T>): Promise<T> => lock.runExclusive(() => on(writer, work))
  const read = (stmt: InStatement): Promise<ResultSet> => on(reader, (client) => client.execute(stmt))

  /**
   * Reads like any request until its first write; from then on it holds the lock until COMMIT or
   * ROLLBACK, and its reads go to the writer so that they see its own writes.
   */
  const transaction = async (): Promise<Transaction> => {
    let state: 'ended' | 'reading' | 'writing' = 'reading'
    let release: MutexInterface.Releaser | undefined

    const end = () => {
      state = 'ended'
      release?.()
      release = undefined
    }
    // Statements of one transaction can run concurrently (Payload deletes a list's documents in
    // parallel): the first write begins it, the others wait for that same BEGIN.
    let beginning: Promise<void> | undefined
    const begin = () =>
      (beginning ??= (async () => {
        release = await lock.acquire()
        try {
          await on(writer, (client) => client.execute('BEGIN IMMEDIATE'))
          state = 'writing'
        } catch (error) {
          end()
          throw error
        }
      })())
    const finish = async (sql: 'COMMIT' | 'ROLLBACK') => {
      await beginning?.catch(() => undefined)
      if (state !== 'writing') return end()
      try {
        await on(writer, (client) => client.execute(sql))
      } catch (error) {
        // A failed COMMIT leaves the transaction open: roll it back before the lock moves on.
        if (sql === 'COMMIT') await on(writer, (client) => client.execute('ROLLBACK')).catch(() => undefined)
        throw error
      } finally {
        end()
      }
    }
    const execute = async (stmt: InStatement): Promise<ResultSet> => {
      if (state === 'ended') throw new LibsqlError('The transaction is closed', 'TRANSACTION_CLOSED')
      if (state === 'reading') {
        if (isRead(stmt)) return read(stmt)
        await begin()
      }
      return on(writer, (client) => client.execute(stmt))
    }

    return {
      batch: async (stmts) => {
        const results: ResultSet[] = []
        for (const stmt of stmts) results.push(await execute(stmt))
        return results
      },
      close: () => void finish('ROLLBACK'),
      get closed() {
        return state === 'ended'
      },
      commit: () => finish('COMMIT'),
      execute,
      executeMultiple: async (sql) => {
        if (state === 'reading') await begin()
        await on(writer, (client) => client.executeMultiple(sql))
      },
      rollback: () => finish('ROLLBACK'),
    }
  }

  let closed = false
  return {
    batch: (stmts, mode) =>
      mode === 'read'
        ? on(reader, (client) => client.batch(stmts, mode))
        : write((client) => client.batch(stmts, mode)),
    close: () => {
      closed = true
      void writer.current.then((client) => client.close())
      void reader.current.then((client) => client.close())
    },
    get closed() {
      return closed
    },
    execute: async (stmt) => {
      if (isRead(stmt)) return read(stmt)
      const result = await write((client) => client.execute(stmt))
      // ANALYZE loads planner statistics into the connection that runs it; the reader needs them too.
      if (/^\s*analyze\b/i.test(sqlOf(stmt))) await read(stmt)
      return result
    },
    executeMultiple: (sql) => write((client) => client.executeMultiple(sql)),
    migrate: (stmts) => write((client) => client.migrate(stmts)),
    protocol: 'file',
    sync: async () => (await writer.current).sync(),
    transaction,
  }
}
