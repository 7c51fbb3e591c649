// Child processes of the benchmark: the two servers and the load client, each talking IPC.
import { fork, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { LoadMessage, LoadRequest, LoadResult } from './load-client'

export interface ServerStats {
  rss: number
  heapUsed: number
  /** Event-loop delay (ms) since the previous stats request: p99, and the longest single stall. */
  loopDelayP99: number
  loopDelayMax: number
  rooms: number
  connections: number
}

export type ServerName = 'ours' | 'ours on Postgres' | 'stock'

export interface ServerProcess {
  name: ServerName
  kind: 'ours' | 'stock'
  child: ChildProcess
  port: number
  stats(options?: { gc?: boolean }): Promise<ServerStats>
  /** CPU seconds used so far (user + system), from /proc. */
  cpuSeconds(): number
  /** Resident memory now, from /proc (does not disturb the process). */
  rssBytes(): number
  stop(): Promise<void>
}

const root = process.cwd()

/** Scheduling priority of the benchmark's processes: raised when allowed (see raisePriority). */
export const benchNice = -10

/**
 * Raises a benchmark process above ordinary work (nice -10) when the user may (root, CAP_SYS_NICE). On a shared
 * 2-core machine other jobs otherwise preempt the servers for hundreds of milliseconds, and a p99 measures them, not
 * us. Every server and the load client get the same priority, so the comparison stays fair. Linux keeps a nice value
 * per thread, so every thread the process has (the embedded database's thread too) is raised. Returns whether it worked.
 */
export function raisePriority(pid: number): boolean {
  const taskDir = `/proc/${pid}/task`
  const threads = fs.existsSync(taskDir) ? fs.readdirSync(taskDir).map(Number) : [pid]
  try {
    for (const thread of threads) os.setPriority(thread, benchNice)
    return true
  } catch {
    return false
  }
}

export async function startServer(name: ServerName, port: number, env: Record<string, string>): Promise<ServerProcess> {
  const kind = name === 'stock' ? 'stock' : 'ours'
  const entry = kind === 'ours' ? path.join(root, 'server/collab/standalone.ts') : path.join(root, 'bench/collab/stock-server.ts')
  const child = fork(entry, [], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  if (child.pid) raisePriority(child.pid)
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} server not ready after 60 s:\n${output}`)), 60_000)
    child.stdout?.on('data', () => {
      if (/ready on/.test(output)) {
        clearTimeout(timer)
        if (child.pid) raisePriority(child.pid) // again: threads started since, e.g. the embedded database's
        resolve()
      }
    })
    child.once('exit', (code) => reject(new Error(`${name} server exited (${code}):\n${output}`)))
  })
  let nextId = 0
  return {
    name,
    kind,
    child,
    port,
    stats: ({ gc = false } = {}) =>
      new Promise((resolve) => {
        const id = nextId++
        const onMessage = (message: ServerStats & { type: string; id: number }) => {
          if (message.type !== 'stats' || message.id !== id) return
          child.off('message', onMessage)
          resolve(message)
        }
        child.on('message', onMessage)
        child.send({ type: 'stats', id, gc })
      }),
    cpuSeconds() {
      const fields = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
      return (Number(fields[11]) + Number(fields[12])) / 100
    },
    rssBytes() {
      const line = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/)
      return Number(line?.[1] ?? 0) * 1024
    },
    async stop() {
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
      await exited
      clearTimeout(timer)
    },
  }
}

/** Runs one load in a fresh client process and returns what it measured; `onWindow` marks the measured window. */
export async function runLoad(request: Omit<LoadRequest, 'type'>, onWindow?: (phase: 'start' | 'end') => void): Promise<LoadResult> {
  const child = fork(path.join(root, 'bench/collab/load-client.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  if (child.pid) raisePriority(child.pid)
  try {
    await new Promise<void>((resolve) => child.once('message', () => resolve()))
    const result = new Promise<LoadResult>((resolve, reject) => {
      child.on('message', (message: LoadMessage) => {
        if (message.type === 'window') onWindow?.(message.phase)
        else if (message.type === 'result') resolve(message)
      })
      child.once('exit', (code) => reject(new Error(`load client exited (${code})`)))
    })
    child.send({ type: 'run', ...request })
    return await result
  } finally {
    child.kill('SIGTERM')
  }
}
