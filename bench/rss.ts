import fs from 'fs'

/** Parent pid of every process, from /proc/<pid>/stat (the field after the command, which may hold spaces). */
const parentsByPid = (): Map<number, number> => {
  const parents = new Map<number, number>()
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]))
    } catch {
      // The process ended while the list was read.
    }
  }
  return parents
}

const residentBytes = (pid: number): number => {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) * 1024 : 0
  } catch {
    return 0
  }
}

/** A process and all its descendants: `next start` may serve from a child process. */
const processTree = (rootPid: number): number[] => {
  const parents = parentsByPid()
  const tree = new Set([rootPid])
  let grew = true
  while (grew) {
    grew = false
    for (const [pid, parent] of parents) {
      if (tree.has(parent) && !tree.has(pid)) {
        tree.add(pid)
        grew = true
      }
    }
  }
  return [...tree]
}

/** Resident memory of a process tree. */
export const treeRSS = (rootPid: number): number => processTree(rootPid).reduce((sum, pid) => sum + residentBytes(pid), 0)

/** CPU time (user + system, in clock ticks) a process has used so far. */
const cpuTicks = (pid: number): number => {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    const [utime, stime] = stat.slice(stat.lastIndexOf(')') + 2).split(' ').slice(11, 13).map(Number)
    return utime + stime
  } catch {
    return 0
  }
}

/** CPU time (clock ticks) each of these processes has used so far, by pid: a database's server processes. */
export const cpuTicksByPid = (pids: number[]): Map<number, number> => new Map(pids.map((pid) => [pid, cpuTicks(pid)]))

/** CPU time (clock ticks, 100 a second on Linux) a process tree has used so far. */
export const treeCPUTicks = (rootPid: number): number =>
  processTree(rootPid).reduce((sum, pid) => sum + cpuTicks(pid), 0)

/**
 * Waits until a server has finished the work it still has: autocannon gives up on a request after
 * its timeout, but the server goes on computing the answer, and would take cores from the next run.
 * Quiet means under 10% of one core over half a second (Linux counts 100 ticks a second).
 */
export const waitUntilQuiet = async (rootPid: number, timeoutMs = 180_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs
  let before = treeCPUTicks(rootPid)
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500))
    const now = treeCPUTicks(rootPid)
    if (now - before <= 5) return
    before = now
  }
}

/** Samples the tree's RSS every `intervalMs` until stopped; `stop` returns the peak. */
export const sampleTreeRSS = (rootPid: number, intervalMs = 500): { stop: () => number } => {
  let peak = treeRSS(rootPid)
  const timer = setInterval(() => (peak = Math.max(peak, treeRSS(rootPid))), intervalMs)
  return {
    stop: () => {
      clearInterval(timer)
      return Math.max(peak, treeRSS(rootPid))
    },
  }
}
