import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { frameRateById, frameRates } from '@/lib/frame-rates'
import { formatDuration, framesFromSecondsAndFrames } from './duration'
import { nominalFps } from './rate'

describe('formatDuration', () => {
  it('shows seconds and frames, and larger units once reached', () => {
    const film = frameRateById('24')
    expect(formatDuration(0, film)).toBe('0s 00f')
    expect(formatDuration(12, film)).toBe('0s 12f')
    expect(formatDuration(60, film)).toBe('2s 12f')
    expect(formatDuration(53, film)).toBe('2s 05f')
    expect(formatDuration(24 * 62 + 12, film)).toBe('1m 02s 12f')
    expect(formatDuration(24 * 3600, film)).toBe('1h 00m 00s 00f')
    expect(formatDuration(24 * 3723 + 12, film)).toBe('1h 02m 03s 12f')
  })

  it('counts NTSC rates at their nominal rate, like timecode', () => {
    expect(formatDuration(30, frameRateById('29.97DF'))).toBe('1s 00f')
    expect(formatDuration(1800, frameRateById('29.97DF'))).toBe('1m 00s 00f')
    expect(formatDuration(119, frameRateById('59.94'))).toBe('1s 59f')
  })

  it('refuses negative or fractional durations', () => {
    expect(() => formatDuration(-1, frameRateById('25'))).toThrow(RangeError)
    expect(() => formatDuration(1.5, frameRateById('25'))).toThrow(RangeError)
  })
})

describe('framesFromSecondsAndFrames', () => {
  it('counts seconds at the nominal rate', () => {
    expect(framesFromSecondsAndFrames(2, 12, frameRateById('24'))).toBe(60)
    expect(framesFromSecondsAndFrames(2, 12, frameRateById('23.976'))).toBe(60)
    expect(framesFromSecondsAndFrames(1, 0, frameRateById('29.97DF'))).toBe(30)
    expect(framesFromSecondsAndFrames(0, 49, frameRateById('50'))).toBe(49)
  })

  it('refuses frames that do not fit in a second', () => {
    expect(() => framesFromSecondsAndFrames(1, 24, frameRateById('24'))).toThrow('from 0 to 23')
    expect(() => framesFromSecondsAndFrames(-1, 0, frameRateById('24'))).toThrow(RangeError)
    expect(() => framesFromSecondsAndFrames(1.5, 0, frameRateById('24'))).toThrow(RangeError)
  })

  it('round-trips with formatDuration below a minute', () => {
    fc.assert(
      fc.property(fc.constantFrom(...frameRates), fc.nat({ max: 59 }), fc.nat({ max: 59 }), (rate, seconds, rawFrames) => {
        const frames = rawFrames % nominalFps(rate)
        const total = framesFromSecondsAndFrames(seconds, frames, rate)
        return formatDuration(total, rate) === `${seconds}s ${String(frames).padStart(2, '0')}f`
      }),
    )
  })
})
