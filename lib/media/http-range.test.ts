import { describe, expect, it } from 'vitest'
import { contentRangeHeader, parseRangeHeader } from './http-range'

describe('parseRangeHeader', () => {
  const size = 1000

  it('serves the whole file without a header, or with one it does not understand', () => {
    for (const header of [null, '', 'items=0-5', 'bytes', 'bytes=', 'bytes=-', 'bytes=a-b', 'bytes=1.5-2']) {
      expect(parseRangeHeader(header, size), String(header)).toEqual({ kind: 'whole' })
    }
  })

  it('reads open-ended, suffix and closed ranges', () => {
    expect(parseRangeHeader('bytes=0-', size)).toEqual({ kind: 'partial', start: 0, end: 999 })
    expect(parseRangeHeader('bytes=-500', size)).toEqual({ kind: 'partial', start: 500, end: 999 })
    expect(parseRangeHeader('bytes=10-19', size)).toEqual({ kind: 'partial', start: 10, end: 19 })
    expect(parseRangeHeader(' bytes = 10 - 19 ', size)).toEqual({ kind: 'partial', start: 10, end: 19 })
  })

  it('clamps a range or suffix that runs past the end', () => {
    expect(parseRangeHeader('bytes=990-5000', size)).toEqual({ kind: 'partial', start: 990, end: 999 })
    expect(parseRangeHeader('bytes=-5000', size)).toEqual({ kind: 'partial', start: 0, end: 999 })
    expect(parseRangeHeader('bytes=0-99999999999999999999999', size)).toEqual({ kind: 'partial', start: 0, end: 999 })
  })

  it('answers 416 for a range that cannot be met: past the end, backwards, or an empty suffix', () => {
    for (const header of ['bytes=1000-', 'bytes=5000-6000', 'bytes=5-2', 'bytes=-0']) {
      expect(parseRangeHeader(header, size), header).toEqual({ kind: 'unsatisfiable' })
    }
    expect(parseRangeHeader('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' })
  })

  it('serves the whole file when asked for several ranges', () => {
    expect(parseRangeHeader('bytes=0-1,5-9', size)).toEqual({ kind: 'whole' })
    expect(parseRangeHeader('bytes=0-1, -5', size)).toEqual({ kind: 'whole' })
  })

  it('writes Content-Range with inclusive ends', () => {
    expect(contentRangeHeader({ start: 0, end: 499 }, 1000)).toBe('bytes 0-499/1000')
  })
})
