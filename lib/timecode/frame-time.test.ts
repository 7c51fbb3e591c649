import { describe, expect, it } from 'vitest'
import { frameRateById } from '@/lib/frame-rates'
import { FRAME_START_TOLERANCE_SECONDS, frameAtTime, frameTimeFraction, timeOfFrame } from './frame-time'

const ntsc = frameRateById('29.97DF')
const film = frameRateById('23.976')
const pal = frameRateById('25')

describe('frameAtTime', () => {
  it('names the frame whose interval contains the time', () => {
    expect(frameAtTime(0, ntsc)).toBe(0)
    expect(frameAtTime(1001 / 30000 - 1e-4, ntsc)).toBe(0)
    expect(frameAtTime(1001 / 30000, ntsc)).toBe(1)
    expect(frameAtTime(1, pal)).toBe(25)
    expect(frameAtTime(0.999, pal)).toBe(24)
    expect(frameAtTime(3600, film)).toBe(86313) // an hour of wall clock is 86313.7 frames at 23.976
  })

  it('does not fall back a frame when float error lands just short of a frame start', () => {
    // Frame 30 starts at 1.001 s, but 1.001 × 30000 / 1001 is 29.999999999999996 in floating point.
    expect((timeOfFrame(30, ntsc) * 30000) / 1001).toBeLessThan(30)
    expect(frameAtTime(timeOfFrame(30, ntsc), ntsc)).toBe(30)
    expect(frameAtTime(timeOfFrame(29, pal), pal)).toBe(29)
    // Chrome reports currentTime in whole microseconds: frame 1 starts at 33366.67 µs and is reported as 33366 µs.
    expect(frameAtTime(0.033366, ntsc)).toBe(1)
    expect(frameAtTime(0.033366 - FRAME_START_TOLERANCE_SECONDS, ntsc)).toBe(0)
  })

  it('treats times before the start as frame 0 and refuses non-numbers', () => {
    expect(frameAtTime(-0.5, ntsc)).toBe(0)
    expect(() => frameAtTime(Number.NaN, ntsc)).toThrow(RangeError)
    expect(() => frameAtTime(Number.POSITIVE_INFINITY, ntsc)).toThrow(RangeError)
  })
})

describe('timeOfFrame', () => {
  it('is the exact start of the frame', () => {
    expect(timeOfFrame(30000, ntsc)).toBe(1001)
    expect(timeOfFrame(24, film)).toBe(1.001)
    expect(timeOfFrame(50, pal)).toBe(2)
  })
})

describe('frameTimeFraction', () => {
  it('gives reduced rational seconds', () => {
    expect(frameTimeFraction(1, ntsc)).toEqual({ numerator: 1001, denominator: 30000 })
    expect(frameTimeFraction(30, ntsc)).toEqual({ numerator: 1001, denominator: 1000 })
    expect(frameTimeFraction(107892, ntsc)).toEqual({ numerator: 8999991, denominator: 2500 })
    expect(frameTimeFraction(0, pal)).toEqual({ numerator: 0, denominator: 1 })
    expect(frameTimeFraction(60, pal)).toEqual({ numerator: 12, denominator: 5 })
    expect(frameTimeFraction(90000, pal)).toEqual({ numerator: 3600, denominator: 1 })
  })

  it('refuses fractional and negative frames', () => {
    expect(() => frameTimeFraction(0.5, pal)).toThrow(RangeError)
    expect(() => frameTimeFraction(-1, pal)).toThrow(RangeError)
  })
})
