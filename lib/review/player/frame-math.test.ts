import { describe, expect, it } from 'vitest'
import { frameRateById } from '@/lib/frame-rates'
import { frameAtTime } from '@/lib/timecode'
import { clampFrame, frameAtFraction, frameForMediaTime, fractionOfFrame, seekTimeForFrame, stepFrame } from './frame-math'

const film = frameRateById('23.976')
const ntsc = frameRateById('29.97')
const pal = frameRateById('25')

describe('seekTimeForFrame', () => {
  it('aims at the middle of the frame', () => {
    expect(seekTimeForFrame(0, pal)).toBe(0.02)
    expect(seekTimeForFrame(48, pal)).toBeCloseTo(1.94, 12)
    expect(seekTimeForFrame(24, film)).toBeCloseTo(1.001 + 1001 / 48000, 12)
  })

  it('lands on the frame it aims at for every frame of an hour at 23.976, 29.97 and 25, even clocked in whole microseconds', () => {
    for (const rate of [film, ntsc, pal]) {
      const frames = Math.ceil((3600 * rate.numerator) / rate.denominator)
      let misses = 0
      for (let frame = 0; frame < frames; frame++) {
        const time = seekTimeForFrame(frame, rate)
        // Browsers keep currentTime in microseconds; rounding either way must not change the frame.
        if (frameAtTime(time, rate) !== frame) misses++
        if (frameAtTime(Math.floor(time * 1e6) / 1e6, rate) !== frame) misses++
        if (frameAtTime(Math.ceil(time * 1e6) / 1e6, rate) !== frame) misses++
      }
      expect(misses, `${rate.label}`).toBe(0)
    }
  })
})

describe('frameForMediaTime', () => {
  it('names the frame a rVFC mediaTime (the frame start) presents, kept inside the clip', () => {
    expect(frameForMediaTime(0, ntsc, 100)).toBe(0)
    // Frame 47 at 29.97 starts at 47 × 1001 / 30000 s; Chrome reports it rounded down to the microsecond.
    expect(frameForMediaTime(Math.floor(((47 * 1001) / 30000) * 1e6) / 1e6, ntsc, 100)).toBe(47)
    expect(frameForMediaTime(Math.floor(((96 * 1001) / 24000) * 1e6) / 1e6, film, 200)).toBe(96)
    // The element's duration is the end of the last frame, which is not a frame of the clip.
    expect(frameForMediaTime(4, pal, 100)).toBe(99)
  })
})

describe('stepping and clamping', () => {
  it('steps by frames and stops at both ends', () => {
    expect(stepFrame(47, 1, 240)).toBe(48)
    expect(stepFrame(5, -10, 240)).toBe(0)
    expect(stepFrame(235, 10, 240)).toBe(239)
    expect(clampFrame(Number.NaN, 240)).toBe(0)
    expect(clampFrame(12, 0)).toBe(0)
  })
})

describe('timeline fractions', () => {
  it('maps timeline positions to frames and back', () => {
    expect(frameAtFraction(0, 240)).toBe(0)
    expect(frameAtFraction(0.5, 240)).toBe(120)
    expect(frameAtFraction(1, 240)).toBe(239)
    expect(frameAtFraction(-3, 240)).toBe(0)
    expect(fractionOfFrame(120, 240)).toBe(0.5)
    expect(fractionOfFrame(240, 240)).toBe(1)
    expect(fractionOfFrame(5, 0)).toBe(0)
    for (let frame = 0; frame < 240; frame++) expect(frameAtFraction(fractionOfFrame(frame, 240), 240)).toBe(frame)
  })
})
