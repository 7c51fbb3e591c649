import { z } from 'zod'

// How the filmstrip sprite of a processed cut is laid out, so the player can show the right tile when the timeline is
// hovered. Written by the processing job, stored on the review version, read by the browser.
export const filmstripLayoutSchema = z.object({
  columns: z.int().positive(),
  rows: z.int().positive(),
  tileWidth: z.int().positive(),
  tileHeight: z.int().positive(),
  /** The source frame number each tile shows, in tile order (left to right, then down). */
  frames: z.array(z.int().nonnegative()),
})

export type FilmstripLayout = z.infer<typeof filmstripLayoutSchema>
