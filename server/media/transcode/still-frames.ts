import { runFfmpeg, untrustedInput, type MediaProbe } from '@/server/media/ffmpeg'
import { acceptedVideoDemuxers } from '@/server/media/ffmpeg/sniff-video-container'

// Stills for the review page: a poster frame, and a filmstrip sprite the timeline shows when hovering.

type VideoProbe = MediaProbe & { video: NonNullable<MediaProbe['video']> }

export interface StillOptions {
  inputPath: string
  outputPath: string
  probe: VideoProbe
  signal?: AbortSignal
  timeoutMs?: number
}

/** The frame 10 % of the way in (past black leaders and slates), as a JPEG no wider than 1280. */
export async function makePoster(options: StillOptions): Promise<{ frame: number; width: number; height: number }> {
  const frames = totalFrames(options.probe)
  const frame = Math.min(frames - 1, Math.floor(frames * 0.1))
  const width = Math.min(1280, evenFloor(options.probe.video.width))
  const height = evenFloor((options.probe.video.height * width) / options.probe.video.width)
  await runFfmpeg(
    [
      ...untrustedInput(options.inputPath, { formats: acceptedVideoDemuxers }),
      // Selecting by frame number, not seeking by seconds, so the poster is exactly the frame we report.
      '-vf', `select=eq(n\\,${frame}),scale=${width}:${height},setsar=1`,
      '-fps_mode', 'passthrough',
      '-frames:v', '1', '-q:v', '3', '-an', '-f', 'image2', '-y', options.outputPath,
    ],
    { timeoutMs: options.timeoutMs ?? 10 * 60 * 1000, signal: options.signal, outputPath: options.outputPath },
  )
  return { frame, width, height }
}

export interface FilmstripLayout {
  columns: number
  rows: number
  tileWidth: number
  tileHeight: number
  /** The source frame number each tile shows, in tile order (left to right, then down). */
  frames: number[]
}

/** Frame numbers for `count` tiles, one from the middle of each equal slice of the video. */
export function filmstripFrames(frameCount: number, count: number): number[] {
  const tiles = Math.max(1, Math.min(count, frameCount))
  return Array.from({ length: tiles }, (_, index) => Math.floor(((index + 0.5) * frameCount) / tiles))
}

export async function makeFilmstrip(
  options: StillOptions & { tiles?: number; tileWidth?: number; columns?: number },
): Promise<FilmstripLayout> {
  const frames = filmstripFrames(totalFrames(options.probe), options.tiles ?? 10)
  const tileWidth = options.tileWidth ?? 160
  const tileHeight = Math.max(2, evenFloor((options.probe.video.height * tileWidth) / options.probe.video.width))
  const columns = Math.min(options.columns ?? frames.length, frames.length)
  const rows = Math.ceil(frames.length / columns)
  const chosen = frames.map((frame) => `eq(n\\,${frame})`).join('+')
  // select decodes every frame up to the last tile: simple and exact, and cheap for review-length cuts.
  await runFfmpeg(
    [
      ...untrustedInput(options.inputPath, { formats: acceptedVideoDemuxers }),
      '-vf', `select=${chosen},scale=${tileWidth}:${tileHeight},setsar=1,tile=${columns}x${rows}`,
      '-fps_mode', 'passthrough',
      '-frames:v', '1', '-q:v', '4', '-an', '-f', 'image2', '-y', options.outputPath,
    ],
    { timeoutMs: options.timeoutMs ?? 10 * 60 * 1000, signal: options.signal, outputPath: options.outputPath },
  )
  return { columns, rows, tileWidth, tileHeight, frames }
}

function totalFrames(probe: VideoProbe): number {
  const fps = probe.video.fps
  const estimate = fps && probe.durationSeconds ? Math.round((probe.durationSeconds * fps.numerator) / fps.denominator) : 1
  return Math.max(1, probe.video.frameCount ?? estimate)
}

function evenFloor(value: number): number {
  return Math.max(2, Math.floor(value / 2) * 2)
}
