import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { resolveFfmpeg } from '../resolve-binary'

// Real, tiny media files made with ffmpeg for tests: ≤ 2 s, 64×48, so the suite stays fast.

const run = promisify(execFile)

export async function tempFolder(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'storyreel-ffmpeg-'))
  return { dir, cleanup: () => fs.rm(dir, { recursive: true, force: true }) }
}

export interface ClipOptions {
  /** lavfi video source; testsrc at 64×48, 24 fps, 1 s by default; null for a sound-only file. */
  video?: string | null
  /** lavfi audio source, e.g. "sine=d=1"; none by default. */
  audio?: string
  /** Encoder arguments; H.264 by default. */
  codecArgs?: string[]
}

export async function makeClip(file: string, options: ClipOptions = {}): Promise<string> {
  const { video = 'testsrc=s=64x48:r=24:d=1', audio, codecArgs = ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'] } = options
  const inputs = [...(video ? ['-f', 'lavfi', '-i', video] : []), ...(audio ? ['-f', 'lavfi', '-i', audio] : [])]
  await run(resolveFfmpeg().path, ['-hide_banner', '-loglevel', 'error', '-y', ...inputs, ...codecArgs, ...(video && audio ? ['-shortest'] : []), file])
  return file
}

/** A 16×16 raw-video MOV whose sample description is rewritten to declare width × height (up to 65535 each). */
export async function makeClipDeclaring(file: string, width: number, height: number): Promise<string> {
  await makeClip(file, { video: 'testsrc=s=16x16:r=10:d=0.2', codecArgs: ['-c:v', 'rawvideo', '-pix_fmt', 'rgb24'] })
  const bytes = await fs.readFile(file)
  // stsd box: type, version+flags, entry count, then the entry: size, format, 6 reserved, data ref, version,
  // revision, vendor, temporal and spatial quality, then width and height (16 bits each).
  const stsd = bytes.indexOf('stsd')
  if (stsd < 0) throw new Error('no stsd box in the raw clip')
  bytes.writeUInt16BE(width, stsd + 44)
  bytes.writeUInt16BE(height, stsd + 46)
  await fs.writeFile(file, bytes)
  return file
}

/** The first `keep` bytes of a file, as an upload cut short would leave it. */
export async function truncateCopy(source: string, target: string, keep: number): Promise<string> {
  const bytes = await fs.readFile(source)
  await fs.writeFile(target, bytes.subarray(0, keep))
  return target
}
