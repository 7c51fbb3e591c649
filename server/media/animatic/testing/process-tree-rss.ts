import fs from 'node:fs'

// Resident memory of this process and of the programs it started (the ffmpeg encoder), read from Linux's /proc: the
// bound a render must stay under is for the whole render, and ffmpeg's own buffers are not in Node's RSS.

export const canReadProcessTree = fs.existsSync('/proc/self/status')

function residentBytes(pid: number | 'self'): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) * 1024 : 0
  } catch {
    return 0 // the process ended between listing and reading
  }
}

/** Children of `parent` (by the parent pid in /proc/<pid>/stat), with their command names. */
function childrenOf(parent: number): { pid: number; name: string }[] {
  const found: { pid: number; name: string }[] = []
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      // "pid (comm) state ppid …": comm may hold spaces or parentheses, so read from the last ")".
      const close = stat.lastIndexOf(')')
      const ppid = Number(stat.slice(close + 2).split(' ')[1])
      if (ppid === parent) found.push({ pid: Number(entry), name: stat.slice(stat.indexOf('(') + 1, close) })
    } catch {
      // gone already
    }
  }
  return found
}

export interface TreeSample {
  node: number
  /** Summed over the children with this command name (ffmpeg), 0 when none is running. */
  children: number
  childCount: number
}

export function sampleProcessTree(childName: string): TreeSample {
  const children = childrenOf(process.pid).filter((child) => child.name === childName)
  return { node: residentBytes('self'), children: children.reduce((sum, child) => sum + residentBytes(child.pid), 0), childCount: children.length }
}
