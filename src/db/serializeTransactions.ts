import type { DatabaseAdapterObj } from 'payload'

/** How long a write waits for the ones queued before it, before it fails with a clear error. */
const WAIT_LIMIT_MS = 30_000

/**
 * libSQL runs statements synchronously on Node's only thread and opens one connection per
 * transaction, so two overlapping write transactions in one process cannot wait for each other:
 * the second fails at once with SQLITE_BUSY. Queuing them here makes concurrent writes succeed
 * in order; SQLite's busy timeout still covers other processes (the CLI, a seed) on the same file.
 */
export const serializeTransactions = (adapterObj: DatabaseAdapterObj): DatabaseAdapterObj => ({
  ...adapterObj,
  init: (args) => {
    const adapter = adapterObj.init(args)
    const { beginTransaction, commitTransaction, rollbackTransaction } = adapter
    const releases = new Map<number | string, () => void>()
    let queue: Promise<void> = Promise.resolve()

    const acquire = (): Promise<() => void> => {
      let release!: () => void
      const turn = new Promise<void>((resolve) => (release = resolve))
      const previous = queue
      queue = previous.then(() => turn)
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          // Give the turn away untouched, so the queue behind this write keeps moving.
          void previous.then(release)
          reject(new Error(`The database stayed busy for ${WAIT_LIMIT_MS / 1000} s: the write was not started.`))
        }, WAIT_LIMIT_MS)
        void previous.then(() => {
          clearTimeout(timer)
          resolve(release)
        })
      })
    }

    const finish =
      (end: typeof commitTransaction): typeof commitTransaction =>
      async (id) => {
        const key = await id
        try {
          await end.call(adapter, key)
        } finally {
          releases.get(key)?.()
          releases.delete(key)
        }
      }

    adapter.beginTransaction = async (options) => {
      const release = await acquire()
      try {
        const id = await beginTransaction.call(adapter, options)
        if (id === null) release()
        else releases.set(id, release)
        return id
      } catch (error) {
        release()
        throw error
      }
    }
    adapter.commitTransaction = finish(commitTransaction)
    adapter.rollbackTransaction = finish(rollbackTransaction)
    return adapter
  },
})
