import { describe, expect, it } from 'vitest'
import { frameRateById, type FrameRateId } from '@/lib/frame-rates'
import { isAppError } from '@/lib/errors'
import {
  absoluteFrame,
  formatTimecode,
  frameIndexForTimecode,
  framesPerDay,
  nominalFps,
  parseTimecode,
  timecodeForFrame,
  type Rate,
} from './index'

const rate = (id: FrameRateId): Rate => frameRateById(id)
const df2997 = rate('29.97DF')
const df5994 = rate('59.94DF')

/** Position of a label if no label were ever dropped: HH:MM:SS:FF read as plain base-fps digits. */
function nominalLabelIndex(label: string, fps: number): number {
  const two = (at: number) => (label.charCodeAt(at) - 48) * 10 + (label.charCodeAt(at + 1) - 48)
  return ((two(0) * 60 + two(3)) * 60 + two(6)) * fps + two(9)
}

/**
 * Walks every frame of a day once, without per-frame expect calls (2.6 M of them would take minutes): each label must
 * parse back to its frame, and consecutive labels must be adjacent except where drop-frame skips labels.
 */
function walkDay(r: Rate) {
  const fps = nominalFps(r)
  const day = framesPerDay(r)
  let roundTripFailures = 0
  let firstFailure: string | undefined
  const gaps = new Map<number, number>() // gap size -> how often
  let skippedAtWrongPlace = 0
  let previousIndex = -1
  for (let frame = 0; frame < day; frame++) {
    const label = formatTimecode(frame, r)
    if (parseTimecode(label, r) !== frame) {
      roundTripFailures++
      firstFailure ??= `${frame} -> ${label}`
    }
    const index = nominalLabelIndex(label, fps)
    const gap = index - previousIndex
    if (gap !== 1) {
      gaps.set(gap, (gaps.get(gap) ?? 0) + 1)
      // A skip may only land on the first kept label of a minute: SS = 00 and FF = the drop count.
      if (!label.endsWith(`:00;0${fps / 15}`)) skippedAtWrongPlace++
    }
    previousIndex = index
  }
  return { roundTripFailures, firstFailure, gaps: Object.fromEntries(gaps), skippedAtWrongPlace, lastLabel: formatTimecode(day - 1, r) }
}

describe('drop-frame boundaries at 29.97', () => {
  it('skips ;00 and ;01 at each minute except every tenth', () => {
    expect(formatTimecode(1799, df2997)).toBe('00:00:59;29')
    expect(formatTimecode(1800, df2997)).toBe('00:01:00;02')
    expect(formatTimecode(17981, df2997)).toBe('00:09:59;29')
    expect(formatTimecode(17982, df2997)).toBe('00:10:00;00')
    expect(formatTimecode(17983, df2997)).toBe('00:10:00;01')
    expect(formatTimecode(19781, df2997)).toBe('00:10:59;29')
    expect(formatTimecode(19782, df2997)).toBe('00:11:00;02')
  })

  it('puts one hour at frame 107892 and ends the day at 23:59:59;29', () => {
    expect(parseTimecode('01:00:00;00', df2997)).toBe(107892)
    expect(framesPerDay(df2997)).toBe(2589408)
    expect(formatTimecode(2589407, df2997)).toBe('23:59:59;29')
  })

  it('reads the labels back to the same frames', () => {
    expect(parseTimecode('00:01:00;02', df2997)).toBe(1800)
    expect(parseTimecode('00:10:00;00', df2997)).toBe(17982)
    expect(parseTimecode('00:00:59;29', df2997)).toBe(1799)
  })
})

describe('drop-frame boundaries at 59.94', () => {
  it('skips ;00 to ;03 at each minute except every tenth', () => {
    expect(formatTimecode(3599, df5994)).toBe('00:00:59;59')
    expect(formatTimecode(3600, df5994)).toBe('00:01:00;04')
    expect(formatTimecode(35963, df5994)).toBe('00:09:59;59')
    expect(formatTimecode(35964, df5994)).toBe('00:10:00;00')
    expect(parseTimecode('01:00:00;00', df5994)).toBe(215784)
    expect(framesPerDay(df5994)).toBe(5178816)
  })
})

describe('non-drop rates', () => {
  it('counts plain labels, with ":" before the frames', () => {
    expect(parseTimecode('01:00:00:00', rate('29.97'))).toBe(108000)
    expect(formatTimecode(1800, rate('29.97'))).toBe('00:01:00:00')
    expect(parseTimecode('01:00:00:00', rate('23.976'))).toBe(86400)
    expect(formatTimecode(86399, rate('23.976'))).toBe('00:59:59:23')
    expect(parseTimecode('01:00:00:00', rate('25'))).toBe(90000)
    expect(formatTimecode(90024, rate('25'))).toBe('01:00:00:24')
    expect(parseTimecode('10:00:00:59', rate('59.94'))).toBe(2160059)
    expect(formatTimecode(123456, rate('60'))).toBe('00:34:17:36')
  })

  it('uses the nominal rate for NTSC rates', () => {
    expect(nominalFps(rate('23.976'))).toBe(24)
    expect(nominalFps(df2997)).toBe(30)
    expect(nominalFps(df5994)).toBe(60)
    expect(nominalFps(rate('48'))).toBe(48)
  })
})

describe('every frame of a day round-trips', () => {
  it('at 29.97 drop-frame (2,589,408 frames)', () => {
    expect(walkDay(df2997)).toEqual({
      roundTripFailures: 0,
      firstFailure: undefined,
      gaps: { 3: 1440 - 144 }, // two labels skipped in each of 1296 minutes
      skippedAtWrongPlace: 0,
      lastLabel: '23:59:59;29',
    })
  })

  it('at 59.94 drop-frame (5,178,816 frames)', () => {
    expect(walkDay(df5994)).toEqual({
      roundTripFailures: 0,
      firstFailure: undefined,
      gaps: { 5: 1440 - 144 },
      skippedAtWrongPlace: 0,
      lastLabel: '23:59:59;59',
    })
  })

  it.each(['23.976', '25', '29.97', '59.94', '24', '50'] as const)('at %s non-drop, densely sampled', (id) => {
    const r = rate(id)
    const day = framesPerDay(r)
    expect(day).toBe(nominalFps(r) * 86400)
    let failures = 0
    // Every frame of the first 20 minutes, then every 997th frame (a prime stride) to the end of the day.
    for (let frame = 0; frame < day; frame += frame < nominalFps(r) * 1200 ? 1 : 997) {
      if (parseTimecode(formatTimecode(frame, r), r) !== frame) failures++
    }
    expect(failures).toBe(0)
    expect(formatTimecode(day - 1, r)).toBe(`23:59:59:${nominalFps(r) - 1}`)
  })
})

describe('parseTimecode input', () => {
  it('accepts either separator before the frames, and surrounding spaces', () => {
    expect(parseTimecode('00:10:00:00', df2997)).toBe(17982)
    expect(parseTimecode(' 01:00:00;00 ', rate('25'))).toBe(90000)
  })

  function messageOf(run: () => unknown): string {
    try {
      run()
    } catch (error) {
      if (isAppError(error)) return `${error.code}: ${error.userMessage}`
      throw error
    }
    throw new Error('expected a user-facing error')
  }

  it('rejects labels drop-frame skips, saying why', () => {
    expect(messageOf(() => parseTimecode('00:01:00;00', df2997))).toBe(
      'BAD_REQUEST: "00:01:00;00" does not exist in 29.97 fps drop-frame timecode: labels ;00–;01 are skipped at the ' +
        'start of every minute except minutes 00, 10, 20, 30, 40 and 50.',
    )
    expect(messageOf(() => parseTimecode('00:01:00:01', df2997))).toContain('does not exist')
    expect(messageOf(() => parseTimecode('12:34:00;03', df5994))).toContain('labels ;00–;03 are skipped')
    // The same labels exist at non-drop rates and on tenth minutes.
    expect(parseTimecode('00:01:00:00', rate('29.97'))).toBe(1800)
    expect(parseTimecode('00:20:00;00', df2997)).toBe(35964)
    expect(parseTimecode('00:21:00;04', df5994)).toBe(75528)
  })

  it('explains out-of-range fields and malformed text', () => {
    expect(messageOf(() => parseTimecode('24:00:00:00', rate('25')))).toBe(
      'BAD_REQUEST: Hours in "24:00:00:00" must be 00–23: timecode wraps at 24 hours.',
    )
    expect(messageOf(() => parseTimecode('00:60:00:00', rate('25')))).toBe('BAD_REQUEST: Minutes in "00:60:00:00" must be 00–59.')
    expect(messageOf(() => parseTimecode('00:00:60:00', rate('25')))).toBe('BAD_REQUEST: Seconds in "00:00:60:00" must be 00–59.')
    expect(messageOf(() => parseTimecode('00:00:00:25', rate('25')))).toBe(
      'BAD_REQUEST: Frames in "00:00:00:25" must be 00–24 at 25 fps.',
    )
    expect(messageOf(() => parseTimecode('00:00:00:24', rate('23.976')))).toBe(
      'BAD_REQUEST: Frames in "00:00:00:24" must be 00–23 at 23.976 fps.',
    )
    expect(messageOf(() => parseTimecode('1:00:00:00', df2997))).toBe(
      'BAD_REQUEST: "1:00:00:00" is not a timecode: write it as HH:MM:SS;FF, for example 01:00:00;00.',
    )
    for (const text of ['', '01:00:00', '01:00:00:00:00', '01.00.00.00', 'ab:cd:ef:gh', '01:00:00;0', '０1:00:00:00']) {
      expect(messageOf(() => parseTimecode(text, rate('24')))).toContain('is not a timecode')
    }
    expect(messageOf(() => parseTimecode('x'.repeat(100), rate('24')))).toContain(`"${'x'.repeat(40)}…"`)
  })

  it('refuses rates that cannot carry timecode', () => {
    expect(messageOf(() => parseTimecode('00:00:00:00', { numerator: 25, denominator: 1, dropFrame: true }))).toBe(
      'BAD_REQUEST: 25/1 fps drop-frame cannot carry timecode: drop-frame exists only at 29.97 and 59.94 fps.',
    )
    expect(messageOf(() => parseTimecode('00:00:00:00', { numerator: 24000, denominator: 1001, dropFrame: true }))).toContain(
      'drop-frame exists only',
    )
    expect(messageOf(() => parseTimecode('00:00:00:00', { numerator: 25, denominator: 2, dropFrame: false }))).toContain(
      'whole-number rate or an NTSC',
    )
    expect(messageOf(() => parseTimecode('00:00:00:00', { numerator: 0, denominator: 1, dropFrame: false }))).toContain(
      'positive whole numbers',
    )
  })
})

describe('formatTimecode input', () => {
  it('refuses frames outside one day', () => {
    expect(() => formatTimecode(-1, df2997)).toThrow(RangeError)
    expect(() => formatTimecode(2589408, df2997)).toThrow('outside a 24-hour timecode day (0–2589407)')
    expect(() => formatTimecode(1.5, rate('25'))).toThrow(RangeError)
  })
})

describe('timecodeForFrame', () => {
  const clip = { rate: df2997, startTimecode: '01:00:00;00' }

  it('offsets frames from the clip start timecode', () => {
    expect(timecodeForFrame(0, clip)).toBe('01:00:00;00')
    expect(timecodeForFrame(1800, clip)).toBe('01:01:00;02')
    expect(timecodeForFrame(17982, clip)).toBe('01:10:00;00')
    expect(timecodeForFrame(60, { rate: rate('25'), startTimecode: '10:00:00:00' })).toBe('10:00:02:10')
  })

  it('wraps past midnight in both directions', () => {
    const late = { rate: df2997, startTimecode: '23:59:59;29' }
    expect(timecodeForFrame(1, late)).toBe('00:00:00;00')
    expect(timecodeForFrame(1801, late)).toBe('00:01:00;02')
    expect(timecodeForFrame(-1, { rate: rate('25'), startTimecode: '00:00:00:00' })).toBe('23:59:59:24')
    expect(absoluteFrame(framesPerDay(df2997) * 3 + 5, clip)).toBe(107892 + 5)
  })

  it('finds the clip frame for an absolute timecode', () => {
    expect(frameIndexForTimecode('01:10:00;00', clip)).toBe(17982)
    expect(frameIndexForTimecode('00:00:00;00', { rate: df2997, startTimecode: '23:59:59;29' })).toBe(1)
    expect(() => frameIndexForTimecode('01:01:00;00', clip)).toThrow('does not exist')
  })
})
