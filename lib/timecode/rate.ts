// A frame rate as timecode sees it: an exact rational plus the drop-frame flag, and the counting rules derived from it.
import { AppError } from '@/lib/errors'

export interface Rate {
  numerator: number
  denominator: number
  dropFrame: boolean
}

/** The constants SMPTE counting needs, derived once from a rate. */
export interface TimecodeClock {
  /** Labels per second: 30 for 29.97, 24 for 23.976. Timecode counts in these, not in real seconds. */
  fps: number
  /** Labels skipped at the start of each minute not divisible by ten: 2 at 29.97 DF, 4 at 59.94 DF, else 0. */
  dropPerMinute: number
  framesPerMinute: number
  framesPerTenMinutes: number
  framesPerDay: number
}

function invalidRate(rate: Rate, why: string): AppError {
  return new AppError('BAD_REQUEST', {
    userMessage: `${rate.numerator}/${rate.denominator} fps${rate.dropFrame ? ' drop-frame' : ''} cannot carry timecode: ${why}`,
  })
}

/** Nominal frames per second: the number of frame labels per timecode second (30 for 29.97). */
export function nominalFps(rate: Pick<Rate, 'numerator' | 'denominator'>): number {
  return Math.round(rate.numerator / rate.denominator)
}

/** "29.97 fps", "23.976 fps", "25 fps": how people name rates in messages. */
export function rateLabel(rate: Pick<Rate, 'numerator' | 'denominator'>): string {
  return `${Number((rate.numerator / rate.denominator).toFixed(3))} fps`
}

export function timecodeClock(rate: Rate): TimecodeClock {
  const { numerator, denominator } = rate
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || numerator <= 0 || denominator <= 0) {
    throw invalidRate(rate, 'numerator and denominator must be positive whole numbers.')
  }
  // SMPTE timecode exists for whole rates and their NTSC (x1000/1001) cousins; 12.5 fps has no labels to give.
  const whole = numerator % denominator === 0
  const ntsc = denominator === 1001 && numerator % 1000 === 0
  if (!whole && !ntsc) throw invalidRate(rate, 'timecode needs a whole-number rate or an NTSC (1000/1001) rate.')
  const fps = nominalFps(rate)
  let dropPerMinute = 0
  if (rate.dropFrame) {
    // Drop-frame is defined only for 29.97 and 59.94: skipping fps/15 labels a minute (except every tenth) keeps the
    // labels within a few frames of wall-clock time over a day.
    if (!ntsc || (fps !== 30 && fps !== 60)) throw invalidRate(rate, 'drop-frame exists only at 29.97 and 59.94 fps.')
    dropPerMinute = fps / 15
  }
  const framesPerMinute = fps * 60 - dropPerMinute
  const framesPerTenMinutes = fps * 600 - dropPerMinute * 9
  return { fps, dropPerMinute, framesPerMinute, framesPerTenMinutes, framesPerDay: framesPerTenMinutes * 6 * 24 }
}

/** Frames in a 24-hour timecode day; frame numbers since 00:00:00:00 run from 0 to this minus one. */
export function framesPerDay(rate: Rate): number {
  return timecodeClock(rate).framesPerDay
}
