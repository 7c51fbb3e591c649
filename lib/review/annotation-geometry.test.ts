import { describe, expect, it } from 'vitest'
import { arrowHead, containedRect, denormalisePoint, normalisePoint, showsOnFrame, simplifyPolyline, simplifyStroke, type Point } from './annotation-geometry'

describe('containedRect', () => {
  it('letterboxes a 16:9 picture in a 4:3 box (bars top and bottom)', () => {
    expect(containedRect(800, 600, 1920, 1080)).toEqual({ x: 0, y: 75, width: 800, height: 450 })
  })

  it('pillarboxes a 4:3 picture in a 16:9 box (bars left and right)', () => {
    expect(containedRect(1600, 900, 640, 480)).toEqual({ x: 200, y: 0, width: 1200, height: 900 })
  })

  it('is the whole box before the video size is known', () => {
    expect(containedRect(640, 360, 0, 0)).toEqual({ x: 0, y: 0, width: 640, height: 360 })
  })
})

describe('normalising points', () => {
  const picture = containedRect(800, 600, 1920, 1080)

  it('round-trips a point on the picture', () => {
    const normalised = normalisePoint(400, 300, picture)
    expect(normalised).toEqual([0.5, 0.5])
    expect(denormalisePoint(normalised, picture)).toEqual([400, 300])
    expect(normalisePoint(0, 75, picture)).toEqual([0, 0])
    expect(normalisePoint(800, 525, picture)).toEqual([1, 1])
  })

  it('pulls points on the letterbox bars onto the picture edge, so stored points stay within 0..1', () => {
    expect(normalisePoint(400, 10, picture)).toEqual([0.5, 0])
    expect(normalisePoint(-50, 590, picture)).toEqual([0, 1])
  })
})

describe('arrowHead', () => {
  it('draws barbs behind the tip, symmetric about the shaft', () => {
    const [left, right] = arrowHead([0, 0], [100, 0], 20)
    expect(left[0]).toBeCloseTo(100 - 20 * Math.cos(Math.PI / 7))
    expect(right[0]).toBeCloseTo(left[0])
    expect(left[1]).toBeCloseTo(-right[1])
    expect(Math.abs(left[1])).toBeGreaterThan(5)
  })

  it('shrinks the head on a short arrow, and survives a zero-length one', () => {
    const [left] = arrowHead([0, 0], [10, 0], 20)
    expect(Math.hypot(10 - left[0], left[1])).toBeCloseTo(4)
    expect(arrowHead([5, 5], [5, 5], 20)).toEqual([[5, 5], [5, 5]])
  })
})

describe('simplifying strokes', () => {
  it('drops points on a straight line and keeps corners', () => {
    const line: Point[] = Array.from({ length: 50 }, (_, i) => [i / 100, 0.2])
    const corner: Point[] = [...line, ...Array.from({ length: 50 }, (_, i): Point => [0.49, 0.2 + i / 100])]
    expect(simplifyPolyline(line, 0.001)).toEqual([line[0], line[49]])
    expect(simplifyPolyline(corner, 0.001)).toEqual([corner[0], [0.49, 0.2], corner[99]])
  })

  it('keeps a long wiggly stroke under the point limit', () => {
    const scribble: Point[] = Array.from({ length: 20_000 }, (_, i) => [(i / 20_000) % 1, 0.5 + 0.4 * Math.sin(i / 3)])
    const simplified = simplifyStroke(scribble, 2000)
    expect(simplified.length).toBeLessThanOrEqual(2000)
    expect(simplified.length).toBeGreaterThan(100)
    expect(simplified[0]).toEqual(scribble[0])
    expect(simplified.at(-1)).toEqual(scribble.at(-1))
  })

  it('drops repeated points from a pointer that did not move', () => {
    expect(simplifyStroke([[0.1, 0.1], [0.1, 0.1], [0.1, 0.1]], 2000)).toEqual([[0.1, 0.1]])
  })
})

describe('showsOnFrame', () => {
  it('shows a one-frame drawing only on its frame', () => {
    expect(showsOnFrame({ frameIn: 96, frameOut: null }, 96)).toBe(true)
    expect(showsOnFrame({ frameIn: 96, frameOut: null }, 97)).toBe(false)
    expect(showsOnFrame({ frameIn: 96, frameOut: null }, 95)).toBe(false)
  })

  it('shows a range drawing from its in up to, not including, its out', () => {
    expect(showsOnFrame({ frameIn: 10, frameOut: 21 }, 10)).toBe(true)
    expect(showsOnFrame({ frameIn: 10, frameOut: 21 }, 20)).toBe(true)
    expect(showsOnFrame({ frameIn: 10, frameOut: 21 }, 21)).toBe(false)
    expect(showsOnFrame({ frameIn: 10, frameOut: 21 }, 9)).toBe(false)
  })
})
