import type { ChildProcess } from 'child_process'

/**
 * Signals the whole process group of a child spawned with `detached: true`, so that every worker
 * `next start` forked gets it too, not only the leader.
 */
export const signalGroup = (child: ChildProcess, signal: NodeJS.Signals): void => {
  try {
    process.kill(-child.pid!, signal)
  } catch {
    // The group is already gone.
  }
}

/** SIGTERM to the group, then SIGKILL once `graceMs` has passed; resolves when the leader has exited. */
export const stopGroup = async (child: ChildProcess, graceMs = 10_000): Promise<void> => {
  // Signalled even when the leader is gone: a worker it forked may still hold the port or database.
  signalGroup(child, 'SIGTERM')
  if (child.exitCode !== null || child.signalCode !== null) return
  const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs)
  await new Promise((resolve) => child.once('exit', resolve))
  clearTimeout(timer)
}
