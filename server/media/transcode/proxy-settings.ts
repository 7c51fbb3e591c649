import type { Rational } from '@/server/media/ffmpeg'

// The numbers behind a review proxy, kept apart from the ffmpeg call so they can be read and tested on their own.

export const maxProxyWidth = 1920
export const maxProxyHeight = 1080

/** Fits width × height inside 1920 × 1080 keeping the aspect, never upscaling; both sides even (yuv420p needs it). */
export function fitProxySize(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, maxProxyWidth / width, maxProxyHeight / height)
  return { width: evenAtLeastTwo(width * scale), height: evenAtLeastTwo(height * scale) }
}

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

function evenAtLeastTwo(value: number): number {
  return Math.max(2, Math.floor(value / 2) * 2)
}
