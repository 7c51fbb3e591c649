import type { Rational } from '@/server/media/ffmpeg'

// The numbers behind a review proxy, kept apart from the ffmpeg call so they can be read and tested on their own.

export const maxProxyWidth = 1920
export const maxProxyHeight = 1080

/**
 * Fits the picture inside 1920 × 1080 keeping the aspect, never upscaling, both sides even (yuv420p needs it).
 * An expression on the decoded frame rather than numbers from the probe: ffmpeg turns phone footage upright
 * (its rotation flag) before the filter, so the probe's width and height may be the wrong way round.
 */
export const proxyScaleFilter =
  `scale=w='min(${maxProxyWidth},iw)':h='min(${maxProxyHeight},ih)':force_original_aspect_ratio=decrease:force_divisible_by=2:flags=bicubic`

/**
 * Frames between keyframes: one a second, rounded down so 29.97 gets 29 and the distance never exceeds a second.
 * The player seeks to exact frames; a short GOP keeps the decode from the previous keyframe short.
 */
export function keyframeInterval(fps: Rational): number {
  return Math.max(1, Math.floor(fps.numerator / fps.denominator))
}

/**
 * The MP4 track timescale: a whole multiple of the rate's numerator (so 30000/1001 frames land on exact ticks) and
 * at least 10 000, so audio-led edits and players that round to ticks stay frame-accurate.
 */
export function videoTrackTimescale(fps: Rational): number {
  return fps.numerator * Math.max(1, Math.ceil(10_000 / fps.numerator))
}

export const formatRational = (rate: Rational) => `${rate.numerator}/${rate.denominator}`
