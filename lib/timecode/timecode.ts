// SMPTE timecode labels <-> frame numbers since 00:00:00:00, for whole, NTSC and drop-frame rates.
import { AppError } from '@/lib/errors'
import { rateLabel, timecodeClock, type Rate, type TimecodeClock } from './rate'

// Labels are parsed and written by hand rather than with a regex and template padding: the player and exports call
// these per frame, and the full-day tests walk millions of frames.
const TWO_DIGITS = Array.from({ length: 100 }, (_, value) => (value < 10 ? `0${value}` : String(value)))
const MINUTES_WITHOUT_DROPS = 'minutes 00, 10, 20, 30, 40 and 50'

function badTimecode(userMessage: string): AppError {
  return new AppError('BAD_REQUEST', { userMessage })
}

function quoted(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text)
}

function pad2(value: number): string {
  return TWO_DIGITS[value] ?? String(value)
}

/** The number written by two ASCII digits at `at`, or -1 if they are not two digits. */
function digitPair(text: string, at: number): number {
  const tens = text.charCodeAt(at) - 48
  const ones = text.charCodeAt(at + 1) - 48
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1
}

/** HH:MM:SS:FF or HH:MM:SS;FF as [hours, minutes, seconds, frames], or undefined if the text has another shape. */
function labelFields(text: string): [number, number, number, number] | undefined {
  if (text.length !== 11 || text[2] !== ':' || text[5] !== ':' || (text[8] !== ':' && text[8] !== ';')) return undefined
  const fields: [number, number, number, number] = [digitPair(text, 0), digitPair(text, 3), digitPair(text, 6), digitPair(text, 9)]
  return fields.includes(-1) ? undefined : fields
}

/**
 * Frames since 00:00:00:00 for a label such as "01:00:00:00" or "01:00:00;00". Either separator is accepted before the
 * frames; the rate, not the separator, decides whether the label is counted as drop-frame. Throws an AppError
 * (BAD_REQUEST) that says what is wrong, including for labels drop-frame skips (00:01:00;00 at 29.97 DF).
 */
export function parseTimecode(text: string, rate: Rate): number {
  const clock = timecodeClock(rate)
  const fields = labelFields(text.trim())
  if (!fields) {
    const separator = clock.dropPerMinute > 0 ? ';' : ':'
    throw badTimecode(`${quoted(text)} is not a timecode: write it as HH:MM:SS${separator}FF, for example 01:00:00${separator}00.`)
  }
  const [hours, minutes, seconds, frames] = fields
  if (hours > 23) throw badTimecode(`Hours in ${quoted(text)} must be 00–23: timecode wraps at 24 hours.`)
  if (minutes > 59) throw badTimecode(`Minutes in ${quoted(text)} must be 00–59.`)
  if (seconds > 59) throw badTimecode(`Seconds in ${quoted(text)} must be 00–59.`)
  if (frames >= clock.fps) {
    throw badTimecode(`Frames in ${quoted(text)} must be 00–${pad2(clock.fps - 1)} at ${rateLabel(rate)}.`)
  }
  if (isDroppedLabel(minutes, seconds, frames, clock)) {
    throw badTimecode(
      `${quoted(text)} does not exist in ${rateLabel(rate)} drop-frame timecode: labels ` +
        `;00–;${pad2(clock.dropPerMinute - 1)} are skipped at the start of every minute except ${MINUTES_WITHOUT_DROPS}.`,
    )
  }
  const totalMinutes = hours * 60 + minutes
  const nominalFrames = (totalMinutes * 60 + seconds) * clock.fps + frames
  return nominalFrames - clock.dropPerMinute * (totalMinutes - Math.floor(totalMinutes / 10))
}

function isDroppedLabel(minutes: number, seconds: number, frames: number, clock: TimecodeClock): boolean {
  return clock.dropPerMinute > 0 && seconds === 0 && frames < clock.dropPerMinute && minutes % 10 !== 0
}

/** The label of a frame number since 00:00:00:00 (0 ≤ frame < one day); drop-frame labels use ";" before the frames. */
export function formatTimecode(frame: number, rate: Rate): string {
  const clock = timecodeClock(rate)
  if (!Number.isSafeInteger(frame) || frame < 0 || frame >= clock.framesPerDay) {
    throw new RangeError(`Frame ${frame} is outside a 24-hour timecode day (0–${clock.framesPerDay - 1}).`)
  }
  const label = clock.dropPerMinute > 0 ? dropFrameToLabelCount(frame, clock) : frame
  const frames = label % clock.fps
  const totalSeconds = (label - frames) / clock.fps
  const seconds = totalSeconds % 60
  const totalMinutes = (totalSeconds - seconds) / 60
  const separator = clock.dropPerMinute > 0 ? ';' : ':'
  return `${pad2(Math.floor(totalMinutes / 60))}:${pad2(totalMinutes % 60)}:${pad2(seconds)}${separator}${pad2(frames)}`
}

/** Re-inserts the skipped labels so the count can be split into HH:MM:SS:FF as if nothing were dropped. */
function dropFrameToLabelCount(frame: number, clock: TimecodeClock): number {
  const { dropPerMinute, framesPerMinute, framesPerTenMinutes } = clock
  const tens = Math.floor(frame / framesPerTenMinutes)
  const intoTen = frame % framesPerTenMinutes
  // The first minute of each ten keeps all its labels; each later minute starts dropPerMinute labels late.
  const minutesDropped = intoTen < dropPerMinute ? 0 : Math.floor((intoTen - dropPerMinute) / framesPerMinute)
  return frame + dropPerMinute * (9 * tens + minutesDropped)
}

export interface ClipTimecode {
  rate: Rate
  /** The label of the clip's first frame, e.g. "01:00:00:00" (projects default to it). */
  startTimecode: string
}

/** Absolute timecode of frame `frameIndex` of a clip (0 = its first frame), wrapping past 23:59:59 to 00:00:00. */
export function timecodeForFrame(frameIndex: number, clip: ClipTimecode): string {
  return formatTimecode(absoluteFrame(frameIndex, clip), clip.rate)
}

/** Frames since 00:00:00:00 of frame `frameIndex` of a clip, wrapped into one 24-hour day. */
export function absoluteFrame(frameIndex: number, clip: ClipTimecode): number {
  if (!Number.isSafeInteger(frameIndex)) throw new RangeError(`Frame index ${frameIndex} must be a whole number.`)
  const { framesPerDay } = timecodeClock(clip.rate)
  const frame = (parseTimecode(clip.startTimecode, clip.rate) + frameIndex) % framesPerDay
  return frame < 0 ? frame + framesPerDay : frame
}

/** The clip frame index an absolute timecode lands on (the inverse of timecodeForFrame within one day). */
export function frameIndexForTimecode(timecode: string, clip: ClipTimecode): number {
  const { framesPerDay } = timecodeClock(clip.rate)
  const offset = parseTimecode(timecode, clip.rate) - parseTimecode(clip.startTimecode, clip.rate)
  return offset < 0 ? offset + framesPerDay : offset
}
