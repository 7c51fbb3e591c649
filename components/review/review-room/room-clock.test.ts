import { describe, expect, it } from 'vitest'
import { rangeLabel, versionClock } from './room-clock'

const df = { rate: { numerator: 30000, denominator: 1001 }, dropFrame: true, startTimecode: '00:59:58;00' }

describe('room clock', () => {
  it('uses the project clock at the project rate, drop-frame included', () => {
    const clock = versionClock({ rate: { numerator: 30000, denominator: 1001 } }, df)
    // 00:59:58;00 + 120 frames crosses the minute: 00:59:59;29 is followed by 01:00:00;00 (a tenth minute, nothing dropped).
    expect(rangeLabel({ frameIn: 120, frameOut: null }, clock)).toBe('01:00:02;00')
    expect(rangeLabel({ frameIn: 0, frameOut: 1 }, clock)).toBe('00:59:58;00')
    expect(rangeLabel({ frameIn: 0, frameOut: 60 }, clock)).toBe('00:59:58;00 – 00:59:59;29')
  })

  it('falls back to the version rate from zero when the version runs at another rate', () => {
    const clock = versionClock({ rate: { numerator: 25, denominator: 1 } }, df)
    expect(clock).toEqual({ rate: { numerator: 25, denominator: 1, dropFrame: false }, startTimecode: '00:00:00:00' })
    expect(rangeLabel({ frameIn: 48, frameOut: null }, clock)).toBe('00:00:01:23')
  })

  it('names the frame when the rate cannot carry timecode', () => {
    const clock = versionClock({ rate: { numerator: 25, denominator: 2 } }, { ...df, rate: { numerator: 25, denominator: 2 }, dropFrame: false, startTimecode: '00:00:00:00' })
    expect(rangeLabel({ frameIn: 7, frameOut: null }, clock)).toBe('frame 7')
  })
})
