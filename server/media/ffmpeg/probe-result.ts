import { z } from 'zod'

// ffprobe's JSON (-show_format -show_streams) checked with zod and reduced to what we use. ffprobe prints numbers
// as strings ("duration": "1.000000") and leaves fields out when it does not know them; both are handled here.

const numericString = z
  .string()
  .transform((text) => Number(text))
  .pipe(z.number().finite())
  .optional()
  .catch(undefined)

const rawStream = z.object({
  codec_type: z.string().optional(),
  codec_name: z.string().optional(),
  width: z.number().int().optional(),
  height: z.number().int().optional(),
  r_frame_rate: z.string().optional(),
  avg_frame_rate: z.string().optional(),
  nb_frames: numericString,
  duration: numericString,
  sample_rate: numericString,
  channels: z.number().int().optional(),
  disposition: z.object({ attached_pic: z.number().optional() }).optional(),
})

export const rawProbe = z.object({
  streams: z.array(rawStream).default([]),
  format: z.object({
    format_name: z.string(),
    duration: numericString,
    size: numericString,
  }),
})
export type RawProbe = z.infer<typeof rawProbe>

export interface Rational {
  numerator: number
  denominator: number
}

export interface VideoStreamInfo {
  codec: string
  width: number
  height: number
  /** Exact rate as ffprobe reports it (30000/1001, 24/1); null when it does not know. */
  fps: Rational | null
  /** From the container's frame count (nb_frames) when it has one, else duration × fps, rounded. */
  frameCount: number | null
}

export interface AudioStreamInfo {
  codec: string
  sampleRate: number | null
  channels: number | null
}

export interface MediaProbe {
  /** ffprobe's format name, e.g. "mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm", "avi", "mxf". */
  container: string
  /** As the container declares it; keep frames, not seconds, once a frame rate is known. */
  durationSeconds: number | null
  video: VideoStreamInfo | null
  audio: AudioStreamInfo | null
}

export function readProbe(json: unknown): MediaProbe {
  const probe = rawProbe.parse(json)
  const durationSeconds = positive(probe.format.duration)
  // Cover art in an audio file is a "video" stream of one picture; it is not the video.
  const videoStream = probe.streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic)
  const audioStream = probe.streams.find((s) => s.codec_type === 'audio')
  return {
    container: probe.format.format_name,
    durationSeconds,
    video: videoStream ? readVideo(videoStream, durationSeconds) : null,
    audio: audioStream
      ? { codec: audioStream.codec_name ?? 'unknown', sampleRate: positive(audioStream.sample_rate), channels: audioStream.channels ?? null }
      : null,
  }
}

function readVideo(stream: z.infer<typeof rawStream>, formatDuration: number | null): VideoStreamInfo {
  const fps = chooseFrameRate(parseRational(stream.r_frame_rate), parseRational(stream.avg_frame_rate))
  const duration = positive(stream.duration) ?? formatDuration
  const declaredFrames = positive(stream.nb_frames)
  const frameCount = declaredFrames ?? (fps && duration ? Math.round((duration * fps.numerator) / fps.denominator) : null)
  return { codec: stream.codec_name ?? 'unknown', width: stream.width ?? 0, height: stream.height ?? 0, fps, frameCount }
}

/**
 * r_frame_rate is the stream's base rate and the clean one for constant-rate video (30000/1001 where the average
 * may read 2997/100); for variable-rate video it can be a timebase-like guess (90000/1), so when the two disagree by
 * more than 1 % the measured average wins.
 */
export function chooseFrameRate(base: Rational | null, average: Rational | null): Rational | null {
  if (!base) return average
  if (!average) return base
  const ratio = base.numerator / base.denominator / (average.numerator / average.denominator)
  return Math.abs(ratio - 1) <= 0.01 ? base : average
}

/** "30000/1001" → { 30000, 1001 } in lowest terms; "0/0" and garbage → null. */
export function parseRational(text: string | undefined): Rational | null {
  const match = /^(\d+)\/(\d+)$/.exec(text ?? '')
  if (!match) return null
  const numerator = Number(match[1])
  const denominator = Number(match[2])
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || numerator === 0 || denominator === 0) return null
  const divisor = gcd(numerator, denominator)
  return { numerator: numerator / divisor, denominator: denominator / divisor }
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b)
}

function positive(value: number | undefined): number | null {
  return value !== undefined && value > 0 ? value : null
}
