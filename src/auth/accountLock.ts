import { Mutex } from 'async-mutex'

type Held = { mutex: Mutex; waiting: number }

/**
 * Runs `work` for one account at a time, in this process. Payload's login reads the account's
 * session list, adds the new session and writes the whole list back (`addSessionToUser` in
 * payload/dist/auth/sessions.js): two logins to one account at once each wrote a list without
 * the other's session, and a token just answered 200 then failed.
 */
export const createAccountLock = () => {
  const held = new Map<string, Held>()
  return async <T>(account: string, work: () => Promise<T>): Promise<T> => {
    const entry = held.get(account) ?? { mutex: new Mutex(), waiting: 0 }
    held.set(account, entry)
    entry.waiting += 1
    try {
      return await entry.mutex.runExclusive(work)
    } finally {
      entry.waiting -= 1
      if (entry.waiting === 0) held.delete(account)
    }
  }
}

export type AccountLock = ReturnType<typeof createAccountLock>
