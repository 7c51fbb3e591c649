import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { FfmpegError, resolveFfmpeg } from '@/server/media/ffmpeg'

// An ffmpeg process that takes raw RGBA frames on stdin and writes the H.264 MP4. Writes wait for the pipe to drain,
// so at most a frame or two is ever buffered whatever the length of the animatic. runFfmpeg cannot be used: it gives
// the process no stdin.

export interface FrameEncoder {
  /** Resolves once ffmpeg has taken the frame (or the pipe has room for more); rejects if ffmpeg has died. */
  write(frame: Buffer): Promise<void>
  /** Ends the input and waits for ffmpeg to finish the file. */
  finish(): Promise<void>
  /** Kills ffmpeg and waits for it to exit, so the caller may delete what it was writing. */
  kill(): Promise<void>
}

const stderrTailLines = 20

export function startFrameEncoder(args: readonly string[]): FrameEncoder {
  const ffmpeg = resolveFfmpeg()
  const child = spawn(ffmpeg.path, ['-hide_banner', '-loglevel', 'error', '-nostats', ...args], { stdio: ['pipe', 'ignore', 'pipe'] })
  const stderrTail: string[] = []
  let stderrBuffer = ''
  child.stderr.on('data', (chunk: Buffer) => {
    const lines = (stderrBuffer + chunk.toString('utf8')).split('\n')
    stderrBuffer = lines.pop() ?? ''
    for (const line of lines) if (line.trim()) stderrTail.push(line.trimEnd())
    stderrTail.splice(0, Math.max(0, stderrTail.length - stderrTailLines))
  })
  // EPIPE when ffmpeg has exited early: the exit code and its stderr say why, so that is what is reported.
  child.stdin.on('error', () => {})
  let killed = false
  const exit: Promise<void> = new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => {
      if (stderrBuffer.trim()) stderrTail.push(stderrBuffer.trimEnd())
      if (code === 0 || killed) return resolve()
      const how = code === null ? `was killed by ${signal}` : `exited with code ${code}`
      const last = stderrTail.length ? `: ${stderrTail.join(' | ')}` : ''
      reject(new FfmpegError(`ffmpeg ${how}${last}`, code, [...stderrTail]))
    })
  })
  // Until someone awaits it, a failure surfaces through write(); do not let it count as unhandled meanwhile.
  exit.catch(() => {})
  let exited = false
  void exit.finally(() => (exited = true)).catch(() => {})

  async function diedEarly(): Promise<never> {
    await exit
    throw new FfmpegError('ffmpeg stopped before the last frame was written.', null, [...stderrTail])
  }

  return {
    async write(frame) {
      if (exited || child.stdin.destroyed) return diedEarly()
      if (child.stdin.write(frame)) return
      // once() rejects on the pipe's EPIPE 'error' too; what counts then is why ffmpeg exited.
      await Promise.race([once(child.stdin, 'drain').catch(diedEarly), exit.then(diedEarly)])
    },
    async finish() {
      child.stdin.end()
      await exit
    },
    async kill() {
      killed = true
      child.kill('SIGKILL')
      await exit.catch(() => {})
    },
  }
}
