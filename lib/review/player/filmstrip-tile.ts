// Which tile of the filmstrip sprite to show when hovering the timeline, and where it sits in the sprite.
import type { FilmstripLayout } from '@/lib/media/filmstrip-layout'

export type { FilmstripLayout }

export interface FilmstripTile {
  index: number
  /** The frame the tile actually shows, which the preview labels so nobody mistakes it for the hovered frame. */
  frame: number
  /** The tile's top-left corner in the sprite, in sprite pixels. */
  x: number
  y: number
}

/** The tile showing the frame nearest to `frame` (ties go to the earlier tile); null for an empty layout. */
export function filmstripTileForFrame(layout: FilmstripLayout, frame: number): FilmstripTile | null {
  const { frames, columns } = layout
  if (frames.length === 0 || columns <= 0) return null
  // Binary search for the first tile at or after the frame, then compare it with the one before.
  let low = 0
  let high = frames.length - 1
  while (low < high) {
    const middle = (low + high) >> 1
    if (frames[middle]! < frame) low = middle + 1
    else high = middle
  }
  const index = low > 0 && Math.abs(frames[low - 1]! - frame) <= Math.abs(frames[low]! - frame) ? low - 1 : low
  return {
    index,
    frame: frames[index]!,
    x: (index % columns) * layout.tileWidth,
    y: Math.floor(index / columns) * layout.tileHeight,
  }
}
