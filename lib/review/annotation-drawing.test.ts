import { describe, expect, it } from 'vitest'
import { annotationLimits, annotationSchema, type AnnotationShape } from './annotation'
import { addShape, finishShape } from './annotation-drawing'
import type { Point } from './annotation-geometry'

const red = '#ff3b30'

describe('finishShape', () => {
  it('keeps an arrow as tail and tip, and a rectangle as two corners', () => {
    const drag: Point[] = [[0.1, 0.2], [0.3, 0.3], [0.5, 0.61234567]]
    expect(finishShape('arrow', red, drag)).toEqual({ tool: 'arrow', color: red, points: [[0.1, 0.2], [0.5, 0.6123]] })
    expect(finishShape('rect', red, drag)?.points).toEqual([[0.1, 0.2], [0.5, 0.6123]])
  })

  it('makes nothing from a click with the arrow or rectangle tool, but a dot with freehand', () => {
    expect(finishShape('arrow', red, [[0.5, 0.5], [0.501, 0.5]])).toBeNull()
    expect(finishShape('rect', red, [[0.5, 0.5]])).toBeNull()
    expect(finishShape('freehand', red, [[0.5, 0.5]])).toEqual({ tool: 'freehand', color: red, points: [[0.5, 0.5]] })
    expect(finishShape('freehand', red, [])).toBeNull()
  })

  it('turns a very long freehand stroke into one the schema accepts', () => {
    const stroke: Point[] = Array.from({ length: 12_000 }, (_, i) => [0.5 + 0.45 * Math.cos(i / 50), 0.5 + 0.45 * Math.sin(i / 7)])
    const shape = finishShape('freehand', red, stroke)!
    expect(shape.points.length).toBeLessThanOrEqual(annotationLimits.maxPointsPerShape)
    expect(annotationSchema.safeParse([shape]).success).toBe(true)
  })
})

describe('addShape', () => {
  const arrow: AnnotationShape = { tool: 'arrow', color: red, points: [[0.1, 0.1], [0.4, 0.4]] }

  it('adds a shape and the drawing validates', () => {
    const result = addShape([], arrow)
    expect(result).toEqual({ ok: true, shapes: [arrow] })
  })

  it('refuses the 51st shape with the limit in the message and keeps the 50 already drawn', () => {
    const fifty = Array.from({ length: annotationLimits.maxShapes }, () => arrow)
    const result = addShape(fifty, arrow)
    expect(result).toEqual({ ok: false, message: 'A drawing can have at most 50 shapes.' })
    expect(fifty).toHaveLength(50)
  })

  it('refuses a drawing over the total point limit', () => {
    const big: AnnotationShape = { tool: 'freehand', color: red, points: Array.from({ length: 2000 }, (): [number, number] => [0.2, 0.2]) }
    const five = Array.from({ length: 5 }, () => big)
    expect(addShape(five, arrow)).toEqual({ ok: false, message: 'A drawing can have at most 10000 points in all.' })
  })

  it('refuses a colour that is not #rrggbb', () => {
    const result = addShape([], { ...arrow, color: 'red' })
    expect(result).toEqual({ ok: false, message: 'Colours are written as #rrggbb.' })
  })
})
