import { describe, expect, it } from 'vitest'
import { loopJump, markIn, markOut, noMarks, rangeOfMarks } from './io-range'

describe('in and out marks', () => {
  it('make a range whose out is exclusive, ready to be a comment range', () => {
    const marks = markOut(markIn(noMarks, 10), 20)
    expect(rangeOfMarks(marks, 240)).toEqual({ in: 10, out: 21 })
  })

  it('a lone in runs to the end, a lone out from the start, nothing marked is no range', () => {
    expect(rangeOfMarks(markIn(noMarks, 200), 240)).toEqual({ in: 200, out: 240 })
    expect(rangeOfMarks(markOut(noMarks, 30), 240)).toEqual({ in: 0, out: 31 })
    expect(rangeOfMarks(noMarks, 240)).toBeNull()
  })

  it('in on the same frame as out is a one-frame range', () => {
    expect(rangeOfMarks(markOut(markIn(noMarks, 48), 48), 240)).toEqual({ in: 48, out: 49 })
  })

  it('marking in after the out drops the out, and out before the in drops the in', () => {
    expect(markIn({ in: 10, out: 20 }, 30)).toEqual({ in: 30, out: null })
    expect(markOut({ in: 10, out: 20 }, 5)).toEqual({ in: null, out: 5 })
    expect(markIn({ in: 10, out: 20 }, 15)).toEqual({ in: 15, out: 20 })
  })

  it('marks past a shorter version are kept inside the clip', () => {
    expect(rangeOfMarks({ in: 300, out: 400 }, 240)).toEqual({ in: 239, out: 240 })
  })
})

describe('loopJump', () => {
  const range = { in: 10, out: 21 }

  it('forward: wraps from past the out back to the in, and starts at the in from before it', () => {
    expect(loopJump(15, 1, range, 240)).toBeNull()
    expect(loopJump(20, 1, range, 240)).toBeNull()
    expect(loopJump(21, 1, range, 240)).toBe(10)
    expect(loopJump(100, 4, range, 240)).toBe(10)
    expect(loopJump(3, 1, range, 240)).toBe(10)
  })

  it('reverse: wraps from before the in to the last frame of the range', () => {
    expect(loopJump(10, -1, range, 240)).toBeNull()
    expect(loopJump(9, -1, range, 240)).toBe(20)
    expect(loopJump(-3, -8, range, 240)).toBe(20)
    expect(loopJump(50, -2, range, 240)).toBe(20)
  })

  it('loops the whole clip when nothing is marked, and does nothing while stopped', () => {
    expect(loopJump(240, 1, null, 240)).toBe(0)
    expect(loopJump(-1, -1, null, 240)).toBe(239)
    expect(loopJump(100, 1, null, 240)).toBeNull()
    expect(loopJump(300, 0, range, 240)).toBeNull()
  })
})
