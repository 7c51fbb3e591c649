import { z } from 'zod'

// What the "Render animatic" form sends and how a render is named afterwards; the actions validate with these.

const id = z.string().min(1).max(200)

export const requestAnimaticRenderInput = z.strictObject({
  projectId: id,
  resolution: z.enum(['720p', '1080p']),
  /** Dialogue burnt in under the picture. */
  captions: z.boolean(),
  /** Shot/panel number and timecode in the corners. */
  overlays: z.boolean(),
  /** An audio asset of the project (uploaded on the render card), or null for a silent animatic. */
  audioAssetId: id.nullable(),
  /** 'ai' sets each panel with a picture in motion through the video model; stills when absent. */
  mode: z.enum(['stills', 'ai']).optional(),
})
export type RequestAnimaticRenderInput = z.infer<typeof requestAnimaticRenderInput>

export const animaticRenderInput = z.strictObject({ projectId: id, jobId: id })
export type AnimaticRenderInput = z.infer<typeof animaticRenderInput>
