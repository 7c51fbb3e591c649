import { spawn } from 'node:child_process'
import { FfmpegError, resolveFfmpeg, untrustedInput } from '@/server/media/ffmpeg'

// A generated panel clip read back as exactly the frames the animatic needs: ffmpeg resamples it to the animatic's
// rate and fits it (contain, over white paper, as a still panel is) at the output size, and hands out raw RGBA one
// frame at a time. stdout is paused between reads, so at most a pipe's worth of the clip is ever in memory. A clip
// shorter than the panel holds its last frame; a longer one is cut (ffmpeg stops after the frames asked for).

export interface ClipFrames {
  /** The next frame's RGBA bytes (width × height × 4); past the clip's end, its last frame again. */
  next(): Promise<Buffer>
  /** Stops ffmpeg (if it is still running) and waits for it to exit. */
  close(): Promise<void>
}

export interface OpenClipFramesOptions {
  path: string
  width: number
  height: number
  rate: { numerator: number; denominator: number }
  /** How many frames the panel is on screen; no more than this is decoded. */
  frameCount: number
  signal?: AbortSignal
}

export function openClipFrames(options: OpenClipFramesOptions): ClipFrames {
  const { width, height, rate, frameCount } = options
  const frameBytes = width * height * 4
  const fit = `scale=${width}:${height}:force_original_aspect_ratio=decrease,pad=${width}:${height}:(ow-iw)/2:(oh-ih)/2:white`
  const args = [
    '-hide_banner', '-loglevel', 'error', '-nostats',
    ...untrustedInput(options.path),
    '-map', '0:v:0', '-an', '-sn', '-dn',
    '-vf', `fps=${rate.numerator}/${rate.denominator},${fit},format=rgba`,
    '-frames:v', String(frameCount),
    '-f', 'rawvideo', '-pix_fmt', 'rgba', 'pipe:1',
  ]
  const child = spawn(resolveFfmpeg().path, args, { stdio: ['ignore', 'pipe', 'pipe'], signal: options.signal })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString('utf8')).slice(-2000)))
  const exit = new Promise<number | null>((resolve) => {
    child.on('error', () => resolve(null))
    child.on('close', (code) => resolve(code))
  })

  const chunks: Buffer[] = []
  let buffered = 0
  let ended = false
  let waiting: (() => void) | null = null
  const wake = () => {
    const resume = waiting
    waiting = null
    resume?.()
  }
  child.stdout.pause()
  child.stdout.on('data', (chunk: Buffer) => {
    chunks.push(chunk)
    buffered += chunk.length
    if (buffered >= frameBytes) child.stdout.pause()
    wake()
  })
  child.stdout.on('end', () => {
    ended = true
    wake()
  })
  child.stdout.on('error', () => {
    ended = true
    wake()
  })

  let last: Buffer | null = null
  let handedOut = 0

  async function readFrame(): Promise<Buffer | null> {
    while (buffered < frameBytes && !ended) {
      child.stdout.resume()
      await new Promise<void>((resolve) => (waiting = resolve))
    }
    if (buffered < frameBytes) return null
    const joined = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)
    // Copied out: the frame goes on to the compositor and must not share memory with what is read next.
    const frame = Buffer.from(joined.subarray(0, frameBytes))
    const rest = joined.subarray(frameBytes)
    chunks.length = 0
    if (rest.length) chunks.push(rest)
    buffered = rest.length
    return frame
  }

  return {
    async next() {
      options.signal?.throwIfAborted()
      if (handedOut < frameCount) {
        const frame = await readFrame()
        if (frame) last = frame
      }
      if (!last) {
        const code = await exit
        options.signal?.throwIfAborted()
        throw new FfmpegError(`The clip has no frame ffmpeg could decode${code ? ` (exit ${code}): ${stderr.trim()}` : '.'}`, code, stderr.trim() ? [stderr.trim()] : [])
      }
      handedOut += 1
      return last
    },
    async close() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      await exit
    },
  }
}
