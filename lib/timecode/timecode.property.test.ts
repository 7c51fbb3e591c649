import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { frameRates } from '@/lib/frame-rates'
import { formatTimecode, frameAtTime, framesPerDay, nominalFps, parseTimecode, timeOfFrame, type Rate } from './index'

const anyRate = fc.constantFrom(...frameRates)

function pad2(value: number): string {
  return String(value).padStart(2, '0')
}

/** A label that exists at the rate: any HH:MM:SS:FF except the ones drop-frame skips. */
const validLabel = anyRate.chain((rate) =>
  fc
    .record({
      hours: fc.integer({ min: 0, max: 23 }),
      minutes: fc.integer({ min: 0, max: 59 }),
      seconds: fc.integer({ min: 0, max: 59 }),
      frames: fc.integer({ min: 0, max: nominalFps(rate) - 1 }),
    })
    .filter(({ minutes, seconds, frames }) => !(rate.dropFrame && seconds === 0 && minutes % 10 !== 0 && frames < nominalFps(rate) / 15))
    .map(({ hours, minutes, seconds, frames }) => ({
      rate: rate as Rate,
      label: `${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}${rate.dropFrame ? ';' : ':'}${pad2(frames)}`,
    })),
)

const frameInDay = anyRate.chain((rate) => fc.record({ rate: fc.constant(rate as Rate), frame: fc.nat({ max: framesPerDay(rate) - 1 }) }))

describe('timecode properties', () => {
  it('format(parse(label)) is the label, for every label that exists', () => {
    fc.assert(fc.property(validLabel, ({ rate, label }) => formatTimecode(parseTimecode(label, rate), rate) === label), { numRuns: 2000 })
  })

  it('parse(format(frame)) is the frame, for every frame of the day', () => {
    fc.assert(fc.property(frameInDay, ({ rate, frame }) => parseTimecode(formatTimecode(frame, rate), rate) === frame), { numRuns: 2000 })
  })

  it('labels sort like the frames they name', () => {
    fc.assert(
      fc.property(
        anyRate.chain((rate) => fc.tuple(fc.constant(rate as Rate), fc.nat({ max: framesPerDay(rate) - 1 }), fc.nat({ max: framesPerDay(rate) - 1 }))),
        ([rate, a, b]) => Math.sign(a - b) === Math.sign(formatTimecode(a, rate).localeCompare(formatTimecode(b, rate))),
      ),
    )
  })

  it('the separator before the frames never changes the count', () => {
    fc.assert(
      fc.property(validLabel, ({ rate, label }) => {
        const [clock, frames] = [label.slice(0, 8), label.slice(9)]
        expect(parseTimecode(`${clock}:${frames}`, rate)).toBe(parseTimecode(`${clock};${frames}`, rate))
      }),
    )
  })
})

describe('presentation time properties', () => {
  it('every time inside a frame maps to that frame, including its exact start', () => {
    fc.assert(
      fc.property(frameInDay, fc.double({ min: 0, max: 0.999, noNaN: true }), ({ rate, frame }, within) => {
        const start = timeOfFrame(frame, rate)
        const frameLength = timeOfFrame(1, rate)
        return frameAtTime(start, rate) === frame && frameAtTime(start + within * frameLength, rate) === frame
      }),
      { numRuns: 5000 },
    )
  })

  it('a start rounded down to whole microseconds, as browsers report it, still names the frame', () => {
    fc.assert(
      fc.property(frameInDay, ({ rate, frame }) => {
        // Truncate the exact start to whole microseconds in integers, so the test adds no float error of its own.
        const microseconds = (BigInt(frame) * BigInt(rate.denominator) * 1_000_000n) / BigInt(rate.numerator)
        return frameAtTime(Number(microseconds) / 1e6, rate) === frame
      }),
      { numRuns: 5000 },
    )
  })
})
