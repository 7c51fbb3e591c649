// Turning pointer strokes into stored drawing shapes that always pass annotationSchema.
import { annotationLimits, annotationSchema, type AnnotationShape } from './annotation'
import { roundPoint, simplifyStroke, type Point } from './annotation-geometry'

export type AnnotationTool = AnnotationShape['tool']

/** Drags shorter than this (0..1 of the picture) are clicks: an arrow or box that small would be invisible. */
export const MIN_DRAG = 0.005

/**
 * The shape a finished stroke makes, or null when it makes none. Freehand keeps its simplified path; an arrow keeps
 * its tail and tip; a rectangle two opposite corners. `points` are already 0..1 of the picture.
 */
export function finishShape(tool: AnnotationTool, color: string, points: readonly Point[]): AnnotationShape | null {
  if (points.length === 0) return null
  if (tool === 'freehand') {
    const simplified = simplifyStroke(points, annotationLimits.maxPointsPerShape).map(roundPoint)
    return { tool, color, points: simplified }
  }
  const first = roundPoint(points[0]!)
  const last = roundPoint(points[points.length - 1]!)
  if (Math.hypot(last[0] - first[0], last[1] - first[1]) < MIN_DRAG) return null
  return { tool, color, points: [first, last] }
}

export type AddShapeResult = { ok: true; shapes: AnnotationShape[] } | { ok: false; message: string }

/** Adds a shape if the drawing stays within the stored limits; otherwise says which limit, and keeps what was drawn. */
export function addShape(shapes: readonly AnnotationShape[], shape: AnnotationShape): AddShapeResult {
  const next = [...shapes, shape]
  const parsed = annotationSchema.safeParse(next)
  if (parsed.success) return { ok: true, shapes: parsed.data }
  return { ok: false, message: parsed.error.issues[0]?.message ?? 'That drawing cannot be stored.' }
}
