// Drawings on a frame, stored as vectors in 0..1 of the picture so they scale with any player size.
import { z } from 'zod'

export const annotationTools = ['freehand', 'arrow', 'rect'] as const

/** Caps that keep one comment's drawing small enough to store and send to every viewer. */
export const annotationLimits = { maxShapes: 50, maxPointsPerShape: 2000, maxTotalPoints: 10_000 } as const

const unit = z.number().min(0, 'Drawing points must lie inside the picture.').max(1, 'Drawing points must lie inside the picture.')

export const annotationShape = z.strictObject({
  tool: z.enum(annotationTools, { error: 'Draw with freehand, arrow or rect.' }),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Colours are written as #rrggbb.'),
  points: z
    .array(z.tuple([unit, unit]))
    .min(1, 'A drawing needs at least one point.')
    .max(annotationLimits.maxPointsPerShape, `A stroke can have at most ${annotationLimits.maxPointsPerShape} points.`),
})

export const annotationSchema = z
  .array(annotationShape)
  .min(1, 'An empty drawing is no drawing: leave it out.')
  .max(annotationLimits.maxShapes, `A drawing can have at most ${annotationLimits.maxShapes} shapes.`)
  .refine((shapes) => shapes.reduce((sum, shape) => sum + shape.points.length, 0) <= annotationLimits.maxTotalPoints, {
    message: `A drawing can have at most ${annotationLimits.maxTotalPoints} points in all.`,
  })

export type AnnotationShape = z.infer<typeof annotationShape>
export type Annotation = z.infer<typeof annotationSchema>
