import { z } from 'zod'

// Where each board panel sits in a rendered animatic version, so a comment's frame can name the panel it is about.
// Stored with the version (review_versions.panel_map) from the very plan the render was drawn with, so later board
// edits never shift the mapping of a version that was already reviewed.

export const panelMapEntry = z.strictObject({
  panelId: z.string().min(1),
  /** "Scene 2 · Shot 4A · panel 2", as the board wrote it when the version was rendered. */
  label: z.string().min(1),
  /** The panel is current for [frameIn, frameOut). */
  frameIn: z.number().int().min(0),
  frameOut: z.number().int().min(1),
})
export type PanelMapEntry = z.infer<typeof panelMapEntry>

export const panelMap = z.array(panelMapEntry)

/** The panel that is current at a frame, or null outside the map (or for a version without one). */
export function panelAtFrame(map: readonly PanelMapEntry[] | null | undefined, frame: number): PanelMapEntry | null {
  if (!map) return null
  // Panels are back to back in frame order, so a binary search stays cheap on a long animatic's comment list.
  let low = 0
  let high = map.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const entry = map[middle]!
    if (frame < entry.frameIn) high = middle - 1
    else if (frame >= entry.frameOut) low = middle + 1
    else return entry
  }
  return null
}
