import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import { promisify } from 'node:util'
import { z } from 'zod'
import { resolveFfprobe } from '@/server/media/ffmpeg'

// Test-only: what ffprobe sees in a file we wrote, beyond probeMedia's summary (pixel format, counted frames,
// keyframe positions), and the order of its top-level MP4 boxes.

const run = promisify(execFile)

const streamsJson = z.object({
  streams: z.array(
    z.object({
      codec_type: z.string(),
      codec_name: z.string(),
      pix_fmt: z.string().optional(),
      width: z.number().optional(),
      height: z.number().optional(),
      r_frame_rate: z.string().optional(),
      nb_read_frames: z.string().optional(),
    }),
  ),
})

export async function inspectStreams(file: string) {
  const { stdout } = await run(resolveFfprobe().path, ['-v', 'error', '-count_frames', '-print_format', 'json', '-show_streams', file])
  return streamsJson.parse(JSON.parse(stdout)).streams
}

/** The frame numbers of the video's keyframes, from their pts in the stream's time base. */
export async function keyframeNumbers(file: string, fps: { numerator: number; denominator: number }): Promise<number[]> {
  const { stdout } = await run(resolveFfprobe().path, [
    '-v', 'error', '-select_streams', 'v:0', '-skip_frame', 'nokey',
    '-show_entries', 'frame=pts_time', '-print_format', 'json', file,
  ])
  const { frames } = z.object({ frames: z.array(z.object({ pts_time: z.string() })) }).parse(JSON.parse(stdout))
  return frames.map((frame) => Math.round((Number(frame.pts_time) * fps.numerator) / fps.denominator))
}

/** Types of the first top-level boxes, e.g. ['ftyp', 'moov', 'mdat'] for a faststart MP4. */
export async function topLevelBoxes(file: string, limit = 4): Promise<string[]> {
  const handle = await fs.open(file, 'r')
  try {
    const { size } = await handle.stat()
    const header = Buffer.alloc(16)
    const types: string[] = []
    for (let offset = 0; offset + 8 <= size && types.length < limit; ) {
      await handle.read(header, 0, 16, offset)
      const small = header.readUInt32BE(0)
      const boxSize = small === 1 ? Number(header.readBigUInt64BE(8)) : small === 0 ? size - offset : small
      types.push(header.toString('latin1', 4, 8))
      if (boxSize < 8) break
      offset += boxSize
    }
    return types
  } finally {
    await handle.close()
  }
}
