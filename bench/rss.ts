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

/** Resident memory of a process and all its descendants: `next start` may serve from a child process. */
export const treeRSS = (rootPid: number): number => {
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
  return [...tree].reduce((sum, pid) => sum + residentBytes(pid), 0)
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
