import { spawn } from 'node:child_process'

// Runs ffmpeg or ffprobe as a child process with the limits every call needs: a hard time limit, an abort signal,
// a cap on what it may print, and the last lines of stderr for the error. The process is killed with SIGKILL (there
// is nothing to save: callers discard partial output) and the promise settles only after it has exited, so a caller
// may delete files it was writing.

export interface RunProcessOptions {
  timeoutMs: number
  signal?: AbortSignal
  /** Keep stdout and return it, up to this many bytes (the process is killed past it). */
  maxStdoutBytes?: number
  /** Or receive stdout line by line instead. */
  onStdoutLine?: (line: string) => void
}

export class ProcessFailedError extends Error {
  override name = 'ProcessFailedError'
  constructor(
    message: string,
    readonly exitCode: number | null,
    readonly stderrTail: string[],
  ) {
    super(message)
  }
}

export class ProcessTimeoutError extends Error {
  override name = 'ProcessTimeoutError'
}

const stderrTailLines = 20

export function runProcess(file: string, args: readonly string[], options: RunProcessOptions): Promise<{ stdout: string }> {
  const { timeoutMs, signal, maxStdoutBytes = 1024 * 1024, onStdoutLine } = options
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    const name = file.split(/[\\/]/).pop() ?? file
    const stdout: Buffer[] = []
    let stdoutBytes = 0
    let lineBuffer = ''
    let stderrBuffer = ''
    const stderrTail: string[] = []
    let stopReason: unknown = null

    const stop = (reason: unknown) => {
      stopReason ??= reason
      child.kill('SIGKILL')
    }
    const timer = setTimeout(() => stop(new ProcessTimeoutError(`${name} took longer than ${timeoutMs} ms and was stopped.`)), timeoutMs)
    const onAbort = () => stop(signal?.reason)
    signal?.addEventListener('abort', onAbort, { once: true })

    child.stdout.on('data', (chunk: Buffer) => {
      if (onStdoutLine) {
        const lines = (lineBuffer + chunk.toString('utf8')).split('\n')
        lineBuffer = lines.pop() ?? ''
        for (const line of lines) onStdoutLine(line.trimEnd())
        return
      }
      stdoutBytes += chunk.length
      if (stdoutBytes > maxStdoutBytes) return stop(new ProcessFailedError(`${name} printed more than ${maxStdoutBytes} bytes.`, null, []))
      stdout.push(chunk)
    })
    child.stderr.on('data', (chunk: Buffer) => {
      const lines = (stderrBuffer + chunk.toString('utf8')).split('\n')
      stderrBuffer = lines.pop() ?? ''
      for (const line of lines) if (line.trim()) stderrTail.push(line.trimEnd())
      stderrTail.splice(0, Math.max(0, stderrTail.length - stderrTailLines))
    })

    child.on('error', (error) => {
      // Spawning failed (ENOENT, EACCES): there is no process to wait for.
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
      reject(error)
    })
    child.on('close', (code, killedBy) => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
      if (onStdoutLine && lineBuffer) onStdoutLine(lineBuffer.trimEnd())
      if (stderrBuffer.trim()) stderrTail.push(stderrBuffer.trimEnd())
      if (stopReason) return reject(stopReason)
      if (code === 0) return resolve({ stdout: Buffer.concat(stdout).toString('utf8') })
      const how = code === null ? `was killed by ${killedBy}` : `exited with code ${code}`
      const last = stderrTail.length ? `: ${stderrTail.join(' | ')}` : ''
      reject(new ProcessFailedError(`${name} ${how}${last}`, code, [...stderrTail]))
    })
  })
}
