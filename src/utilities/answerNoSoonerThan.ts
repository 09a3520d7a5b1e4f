import { setTimeout as sleep } from 'timers/promises'

/**
 * Runs `work` and settles no sooner than `ms` after it started, so that how long an answer took
 * does not tell what it found (a real account or an unknown address).
 */
export const answerNoSoonerThan = async <T>(ms: number, work: () => Promise<T>): Promise<T> => {
  const started = performance.now()
  try {
    return await work()
  } finally {
    const left = ms - (performance.now() - started)
    if (left > 0) await sleep(left)
  }
}
