import { nominalFps } from '@/lib/timecode/rate'
import type { RateLike } from './shot-list-rows'

// Durations as people type them in a shot list: our own "1m 02s 12f", timecode "00:00:02:12", or plain seconds "2.5".
// Seconds are timecode seconds of nominalFps frames, like formatDuration, so an exported duration reads back exactly.

export type DurationParse = { ok: true; frames: number } | { ok: false; message: string }

const UNITS = /^(?:(\d+)h)?\s*(?:(\d+)m)?\s*(?:(\d+)s)?\s*(?:(\d+)f)?$/i
const TIMECODE = /^(?:(\d+):)?(\d{1,2}):(\d{1,2})[:;.](\d{1,3})$/
const SECONDS = /^\d+(?:\.\d+)?$/

const explain = 'use seconds and frames like "2s 12f", timecode like "00:00:02:12" or seconds like "2.5"'

export function parseDurationText(input: string, rate: RateLike): DurationParse {
  const text = input.trim()
  const fps = nominalFps(rate)
  const fromParts = (h: number, m: number, s: number, f: number): DurationParse => {
    if (f >= fps) return { ok: false, message: `frames must be below ${fps} at this frame rate` }
    return { ok: true, frames: ((h * 60 + m) * 60 + s) * fps + f }
  }
  const units = UNITS.exec(text)
  if (units && text !== '') {
    const [, h, m, s, f] = units.map((part) => Number(part ?? 0))
    return fromParts(h!, m!, s!, f!)
  }
  const timecode = TIMECODE.exec(text)
  if (timecode) {
    const [, h, m, s, f] = timecode.map((part) => Number(part ?? 0))
    if (m! >= 60 || s! >= 60) return { ok: false, message: `"${text}" is not a valid timecode` }
    return fromParts(h!, m!, s!, f!)
  }
  if (SECONDS.test(text)) return { ok: true, frames: Math.round(Number(text) * fps) }
  return { ok: false, message: `"${text}" is not a duration: ${explain}` }
}
