// Frame arithmetic for the review player: where to aim a <video> to show a frame, and which frame a time or a point
// on the timeline names. Frames are the truth; seconds are only what the video element speaks.
import { frameAtTime, timeOfFrame, type Rate } from '@/lib/timecode'

type RationalRate = Pick<Rate, 'numerator' | 'denominator'>

/** The last frame index of a clip of `frameCount` frames (0 for an empty or unknown clip). */
export function lastFrame(frameCount: number): number {
  return Math.max(0, Math.floor(frameCount) - 1)
}

export function clampFrame(frame: number, frameCount: number): number {
  if (!Number.isFinite(frame)) return 0
  return Math.min(lastFrame(frameCount), Math.max(0, Math.round(frame)))
}

/**
 * The currentTime to set so the decoder lands on `frame`: the middle of the frame, because aiming at its exact start
 * lets float rounding (and browsers' microsecond clocks) land on the frame before.
 */
export function seekTimeForFrame(frame: number, rate: RationalRate): number {
  return timeOfFrame(frame + 0.5, rate)
}

/** The frame a presentation time shows, kept inside the clip (a video reports its duration as the end of the last frame). */
export function frameForMediaTime(seconds: number, rate: RationalRate, frameCount: number): number {
  return clampFrame(frameAtTime(seconds, rate), frameCount)
}

/** `delta` frames from `frame`, stopping at the first and last frame. */
export function stepFrame(frame: number, delta: number, frameCount: number): number {
  return clampFrame(frame + delta, frameCount)
}

/** The frame under a point `fraction` (0..1) of the way along a timeline that spans the whole clip. */
export function frameAtFraction(fraction: number, frameCount: number): number {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0))
  // The epsilon keeps a frame's own start (123/240 × 240 = 122.99999…) from naming the frame before.
  return clampFrame(Math.floor(clamped * frameCount + 1e-9), frameCount)
}

/** Where frame `frame` starts along that timeline, 0..1; frameCount itself is the end (1). */
export function fractionOfFrame(frame: number, frameCount: number): number {
  if (frameCount <= 0) return 0
  return Math.min(1, Math.max(0, frame / frameCount))
}
