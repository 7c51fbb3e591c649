// How the review room labels a version's frames: the project's clock (rate, drop-frame, start timecode) when the
// version runs at the project's rate — the same labels the marker exports write — else the version's own rate from
// 00:00:00:00, since a start timecode at another rate would name the wrong frames.
import type { FrameLabelClock } from '@/lib/review/player/frame-label'
import { timecodeOrNull } from '@/lib/review/player/frame-label'
import type { ReviewTiming } from './review-room-api'

export function versionClock(version: { rate: { numerator: number; denominator: number } }, timing: ReviewTiming): FrameLabelClock {
  const sameRate = version.rate.numerator * timing.rate.denominator === timing.rate.numerator * version.rate.denominator
  if (sameRate) return { rate: { ...version.rate, dropFrame: timing.dropFrame }, startTimecode: timing.startTimecode }
  return { rate: { ...version.rate, dropFrame: false }, startTimecode: '00:00:00:00' }
}

/** "01:00:02:00", or "01:00:02:00 – 01:00:03:11" for a range (its last frame, since frameOut is exclusive). */
export function rangeLabel(range: { frameIn: number; frameOut: number | null }, clock: FrameLabelClock): string {
  const label = (frame: number) => timecodeOrNull(frame, clock) ?? `frame ${frame}`
  if (range.frameOut === null || range.frameOut <= range.frameIn + 1) return label(range.frameIn)
  return `${label(range.frameIn)} – ${label(range.frameOut - 1)}`
}
