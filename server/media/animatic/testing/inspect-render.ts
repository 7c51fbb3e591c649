import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { createCanvas } from '@napi-rs/canvas'
import { resolveFfmpeg, resolveFfprobe } from '@/server/media/ffmpeg'

// Test helpers for rendered animatics: what ffprobe says about the file (with frames counted by decoding, not taken
// from the header), the colour of one pixel of one frame, and solid-colour panel pictures.

const run = promisify(execFile)

export interface RenderedStreams {
  video: { codec: string; pixFmt: string; width: number; height: number; rate: string; frames: number }
  audio: { codec: string; duration: number } | null
  duration: number
}

export async function inspectRender(file: string): Promise<RenderedStreams> {
  const { stdout } = await run(resolveFfprobe().path, [
    '-v', 'error', '-count_frames', '-print_format', 'json', '-show_format',
    '-show_entries', 'stream=codec_type,codec_name,pix_fmt,width,height,r_frame_rate,nb_read_frames,duration:format=duration',
    file,
  ])
  const json = JSON.parse(stdout) as { streams: Record<string, string | number>[]; format: { duration: string } }
  const video = json.streams.find((s) => s.codec_type === 'video')!
  const audio = json.streams.find((s) => s.codec_type === 'audio')
  return {
    video: {
      codec: String(video.codec_name),
      pixFmt: String(video.pix_fmt),
      width: Number(video.width),
      height: Number(video.height),
      rate: String(video.r_frame_rate),
      frames: Number(video.nb_read_frames),
    },
    audio: audio ? { codec: String(audio.codec_name), duration: Number(audio.duration) } : null,
    duration: Number(json.format.duration),
  }
}

/** [r, g, b] of pixel (x, y) of frame n (0-based), decoded by ffmpeg. x and y even: yuv420p shares colour by 2×2. */
export async function pixelAt(file: string, n: number, x: number, y: number): Promise<[number, number, number]> {
  const { stdout } = await run(
    resolveFfmpeg().path,
    ['-v', 'error', '-i', file, '-vf', `select=eq(n\\,${n}),crop=2:2:${x}:${y},format=rgb24`, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'],
    { encoding: 'buffer' },
  )
  if (stdout.length < 3) throw new Error(`frame ${n} not found in ${file}`)
  return [stdout[0]!, stdout[1]!, stdout[2]!]
}

export function solidPng(colour: string, width = 320, height = 180): Uint8Array {
  const canvas = createCanvas(width, height)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = colour
  ctx.fillRect(0, 0, width, height)
  return canvas.encodeSync('png')
}

export function expectColourNear(actual: readonly number[], expected: readonly number[], tolerance = 10): void {
  const off = actual.some((value, i) => Math.abs(value - expected[i]!) > tolerance)
  if (off) throw new Error(`colour ${JSON.stringify(actual)} is not within ${tolerance} of ${JSON.stringify(expected)}`)
}
