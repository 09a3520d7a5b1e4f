import { type ChildProcess, spawn } from 'child_process'

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

export type ProcessGroup = {
  /** SIGKILL to the whole process group, as a crash or the OOM killer would end it; resolves once it is gone. */
  kill: () => Promise<void>
  /** Everything it wrote to stdout and stderr so far. */
  output: () => string
  process: ChildProcess
  /** SIGTERM, then SIGKILL after a grace period. */
  stop: () => Promise<void>
}

/**
 * Spawns a command as the leader of its own process group, collecting its output; the group is
 * killed when the test process exits, so a failed or interrupted run leaves nothing behind.
 */
export const spawnGroup = (command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): ProcessGroup => {
  let output = ''
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))

  const killOnExit = () => signalGroup(child, 'SIGKILL')
  process.once('exit', killOnExit)
  void exited.then(() => process.off('exit', killOnExit))

  const kill = async () => {
    signalGroup(child, 'SIGKILL')
    await exited
  }
  return { kill, output: () => output, process: child, stop: () => stopGroup(child) }
}
