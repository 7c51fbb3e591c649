// A child process the cluster owns: its output prefixed (and kept, so a failed test can show it), a way to wait for a
// line that says it is ready, and a stop that escalates SIGTERM → SIGKILL so nothing outlives the cluster.
import { spawn, type ChildProcess } from 'node:child_process'

export interface ManagedProcessOptions {
  name: string
  command: string
  args: string[]
  env?: Record<string, string | undefined>
  cwd?: string
  /** Echo output to this process's stdout (the `npm run cluster` script) or only keep it (tests). */
  echo?: boolean
}

const keptLines = 400

// Children run in their own process groups (so a stop reaches tsx's node and ffmpeg too), which also means a Ctrl-C
// or a crash of this process does not reach them. Whatever is still running when this process exits is killed here.
const live = new Set<ManagedProcess>()
process.once('exit', () => {
  for (const child of live) child.killNow()
})

export class ManagedProcess {
  readonly name: string
  private child: ChildProcess | null = null
  private exited: Promise<number | null> = Promise.resolve(null)
  private readonly lines: string[] = []
  private readonly lineListeners = new Set<(line: string) => void>()

  constructor(private readonly options: ManagedProcessOptions) {
    this.name = options.name
  }

  get pid(): number | undefined {
    return this.child?.pid
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null
  }

  /** The last lines it printed, for a test failure's message. */
  recentOutput(): string {
    return this.lines.join('\n')
  }

  start(): void {
    if (this.running) throw new Error(`${this.name} is already running`)
    const { command, args, env, cwd } = this.options
    // A restart waits for a fresh "ready" line, not the one the previous run printed.
    this.lines.length = 0
    // detached: its own process group, so stop() also reaches what it spawned (tsx runs node as a child; ffmpeg).
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    this.child = child
    live.add(this)
    this.exited = new Promise((resolve) =>
      child.once('exit', (code) => {
        live.delete(this)
        resolve(code)
      }),
    )
    for (const stream of [child.stdout, child.stderr]) {
      let pending = ''
      stream?.setEncoding('utf8')
      stream?.on('data', (chunk: string) => {
        pending += chunk
        const parts = pending.split('\n')
        pending = parts.pop() ?? ''
        for (const line of parts) this.keep(line)
      })
    }
  }

  /** Resolves with the first line matching `pattern`; rejects if the process exits or the time runs out first. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<string> {
    const seen = this.lines.find((line) => pattern.test(line))
    if (seen) return Promise.resolve(seen)
    return new Promise((resolve, reject) => {
      const done = (error: Error | null, line?: string) => {
        clearTimeout(timer)
        this.lineListeners.delete(listener)
        if (error) reject(error)
        else resolve(line as string)
      }
      const listener = (line: string) => pattern.test(line) && done(null, line)
      const timer = setTimeout(() => done(new Error(`${this.name}: no line matching ${pattern} within ${timeoutMs} ms\n${this.recentOutput()}`)), timeoutMs)
      this.lineListeners.add(listener)
      void this.exited.then((code) => this.lineListeners.has(listener) && done(new Error(`${this.name} exited (${code}) before printing ${pattern}\n${this.recentOutput()}`)))
    })
  }

  /** SIGKILL to the whole group, no goodbye: what a crashed machine or an OOM kill looks like. */
  async kill9(): Promise<void> {
    this.signal('SIGKILL')
    await this.exited
  }

  /** SIGTERM (the process flushes and exits), then SIGKILL if it has not gone within `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.running) return
    this.signal('SIGTERM')
    const timer = setTimeout(() => this.signal('SIGKILL'), graceMs)
    await this.exited
    clearTimeout(timer)
    // Children of the group (tsx's node, ffmpeg) may linger after the leader; they go too.
    this.signal('SIGKILL')
  }

  /** SIGKILL without waiting: for process exit, where nothing asynchronous runs any more. */
  killNow(): void {
    this.signal('SIGKILL')
  }

  private signal(signal: NodeJS.Signals): void {
    const pid = this.child?.pid
    if (!pid) return
    try {
      process.kill(-pid, signal)
    } catch {
      // Already gone.
    }
  }

  private keep(line: string): void {
    this.lines.push(line)
    if (this.lines.length > keptLines) this.lines.shift()
    if (this.options.echo) console.log(`[${this.name}] ${line}`)
    for (const listener of this.lineListeners) listener(line)
  }
}
