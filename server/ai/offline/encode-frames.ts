import { spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { resolveFfmpeg } from '@/server/media/ffmpeg'

/**
 * Encodes RGBA frames into an H.264 MP4 (yuv420p, +faststart) and returns its bytes. Frames are streamed to
 * ffmpeg's stdin one at a time, waiting for it to drain, so memory holds one frame whatever the length. A failure,
 * an abort or the time limit kills ffmpeg and removes the partial file.
 */
export async function encodeFrames(params: {
  width: number
  height: number
  fps: number
  frameCount: number
  drawFrame: (index: number) => Uint8Array
  timeoutMs: number
  signal?: AbortSignal
}): Promise<Uint8Array> {
  const { width, height, fps, frameCount, drawFrame, timeoutMs, signal } = params
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'storyreel-offline-video-'))
  const output = path.join(dir, 'clip.mp4')
  try {
    const args = [
      '-hide_banner', '-nostdin', '-loglevel', 'error',
      '-f', 'rawvideo', '-pix_fmt', 'rgba', '-s', `${width}x${height}`, '-framerate', String(fps), '-i', 'pipe:0',
      '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', '-y', output,
    ]
    const child = spawn(resolveFfmpeg().path, args, { stdio: ['pipe', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString('utf8')).slice(-4000)))
    const exited = new Promise<number | null>((resolve, reject) => {
      child.on('error', reject)
      child.on('close', (code) => resolve(code))
    })
    const kill = () => child.kill('SIGKILL')
    const timer = setTimeout(kill, timeoutMs)
    signal?.addEventListener('abort', kill, { once: true })
    try {
      for (let i = 0; i < frameCount; i++) {
        signal?.throwIfAborted()
        if (!child.stdin.write(drawFrame(i))) await new Promise<void>((resolve) => child.stdin.once('drain', resolve))
      }
      child.stdin.end()
      const code = await exited
      signal?.throwIfAborted()
      if (code !== 0) throw new Error(`ffmpeg could not encode the offline clip (exit ${code}): ${stderr.trim().split('\n').at(-1) ?? ''}`)
    } catch (error) {
      kill()
      await exited.catch(() => null)
      throw error
    } finally {
      clearTimeout(timer)
      signal?.removeEventListener('abort', kill)
    }
    return new Uint8Array(await fs.readFile(output))
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
  }
}
