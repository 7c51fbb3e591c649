// Frame numbers <-> presentation time, for the player. Frames are the truth; seconds are only what a video element speaks.
import type { Rate } from './rate'

type RationalRate = Pick<Rate, 'numerator' | 'denominator'>

/**
 * The convention: frame k is on screen during the half-open interval [k·d/n, (k+1)·d/n) seconds, and a time maps to
 * the frame whose interval contains it. A time at most this far before a frame's start counts as that frame, because
 * browsers report currentTime rounded to whole microseconds and k·d/n in floating point can land a hair short; neither
 * should make the player show the previous frame's number. One microsecond is far below a frame at any real rate.
 */
export const FRAME_START_TOLERANCE_SECONDS = 1e-6

export interface Fraction {
  numerator: number
  denominator: number
}

/** The frame on screen at `seconds` of presentation time (0 for times at or before the start). */
export function frameAtTime(seconds: number, rate: RationalRate): number {
  if (!Number.isFinite(seconds)) throw new RangeError(`Presentation time ${seconds} is not a finite number of seconds.`)
  if (seconds <= 0) return 0
  return Math.floor(((seconds + FRAME_START_TOLERANCE_SECONDS) * rate.numerator) / rate.denominator)
}

/**
 * When frame `frame` starts, in seconds. To seek a video element to a frame, aim inside it — timeOfFrame(k + 0.5) —
 * so the decoder's own rounding cannot land on the frame before.
 */
export function timeOfFrame(frame: number, rate: RationalRate): number {
  return (frame * rate.denominator) / rate.numerator
}

/** When frame `frame` starts, as an exact reduced fraction of seconds (1001/30000 for frame 1 at 29.97). */
export function frameTimeFraction(frame: number, rate: RationalRate): Fraction {
  if (!Number.isSafeInteger(frame) || frame < 0) throw new RangeError(`Frame ${frame} must be a whole number ≥ 0.`)
  const numerator = frame * rate.denominator
  if (!Number.isSafeInteger(numerator)) throw new RangeError(`Frame ${frame} is too large to time exactly.`)
  const divisor = greatestCommonDivisor(numerator, rate.numerator)
  return { numerator: numerator / divisor, denominator: rate.numerator / divisor }
}

function greatestCommonDivisor(a: number, b: number): number {
  let [x, y] = [Math.abs(a), Math.abs(b)]
  while (y !== 0) [x, y] = [y, x % y]
  return x
}
