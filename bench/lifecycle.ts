/** Progress for the reader of a bench run, on stderr (stdout carries only the tables). */
export const log = (message: string): void => console.error(`[bench] ${message}`)

/** A whole number as the tables print it: 20,000. */
export const n = (value: number): string => Math.round(value).toLocaleString('en-US')

// Run on exit and on Ctrl-C: servers stopped, scratch databases deleted.
const cleanups = new Set<() => Promise<void>>()

/** Runs every registered cleanup, the latest first. */
export const cleanUp = async (): Promise<void> => {
  for (const cleanup of [...cleanups].reverse()) await cleanup().catch((error) => console.error(error))
  cleanups.clear()
}

/** Registers a cleanup for Ctrl-C and returns a function that runs it now instead. */
export const onCleanUp = (cleanup: () => Promise<void>): (() => Promise<void>) => {
  cleanups.add(cleanup)
  return async () => {
    cleanups.delete(cleanup)
    await cleanup()
  }
}
