// Durations as editors read them: seconds and frames counted at the nominal rate, like non-drop timecode.
import { nominalFps, type Rate } from './rate'

type RationalRate = Pick<Rate, 'numerator' | 'denominator'>

/**
 * "2s 12f" at 24 fps → 60 frames. Seconds here are timecode seconds of nominalFps frames (30 at 29.97), which is how
 * editors count durations; they are 0.1% longer than wall-clock seconds at NTSC rates.
 */
export function framesFromSecondsAndFrames(seconds: number, frames: number, rate: RationalRate): number {
  const fps = nominalFps(rate)
  if (!Number.isSafeInteger(seconds) || seconds < 0) throw new RangeError(`Seconds ${seconds} must be a whole number ≥ 0.`)
  if (!Number.isSafeInteger(frames) || frames < 0 || frames >= fps) {
    throw new RangeError(`Frames ${frames} must be a whole number from 0 to ${fps - 1}.`)
  }
  return seconds * fps + frames
}

/**
 * A frame count as "0s 12f", "2s 05f", "1m 02s 12f" or "1h 02m 03s 12f": the largest unit unpadded, the rest two
 * digits so lists line up. Counted at nominalFps like framesFromSecondsAndFrames, so the two round-trip.
 */
export function formatDuration(frames: number, rate: RationalRate): string {
  if (!Number.isSafeInteger(frames) || frames < 0) throw new RangeError(`Duration ${frames} must be a whole number of frames ≥ 0.`)
  const fps = nominalFps(rate)
  const totalSeconds = Math.floor(frames / fps)
  const units: [number, string][] = [
    [Math.floor(totalSeconds / 3600), 'h'],
    [Math.floor(totalSeconds / 60) % 60, 'm'],
    [totalSeconds % 60, 's'],
    [frames % fps, 'f'],
  ]
  // Seconds and frames always show; hours and minutes only once the duration reaches them.
  const first = units.findIndex(([value], index) => value > 0 || index >= 2)
  return units
    .slice(first)
    .map(([value, unit], index) => `${index === 0 ? value : String(value).padStart(2, '0')}${unit}`)
    .join(' ')
}
