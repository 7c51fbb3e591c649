import { describe, expect, it } from 'vitest'
import { filmstripTileForFrame, type FilmstripLayout } from './filmstrip-tile'

// Ten tiles in a 5×2 grid, one from the middle of each tenth of a 240-frame clip (what filmstripFrames(240, 10) gives).
const layout: FilmstripLayout = { columns: 5, rows: 2, tileWidth: 160, tileHeight: 90, frames: [12, 36, 60, 84, 108, 132, 156, 180, 204, 228] }

describe('filmstripTileForFrame', () => {
  it('picks the tile showing the nearest frame, and where it sits in the sprite', () => {
    expect(filmstripTileForFrame(layout, 0)).toEqual({ index: 0, frame: 12, x: 0, y: 0 })
    expect(filmstripTileForFrame(layout, 40)).toEqual({ index: 1, frame: 36, x: 160, y: 0 })
    expect(filmstripTileForFrame(layout, 130)).toEqual({ index: 5, frame: 132, x: 0, y: 90 })
    expect(filmstripTileForFrame(layout, 239)).toEqual({ index: 9, frame: 228, x: 640, y: 90 })
  })

  it('gives a tie between two tiles to the earlier one', () => {
    expect(filmstripTileForFrame(layout, 24)?.index).toBe(0)
    expect(filmstripTileForFrame(layout, 25)?.index).toBe(1)
  })

  it('handles a one-tile strip and an empty layout', () => {
    expect(filmstripTileForFrame({ ...layout, columns: 1, rows: 1, frames: [0] }, 99)).toEqual({ index: 0, frame: 0, x: 0, y: 0 })
    expect(filmstripTileForFrame({ ...layout, frames: [] }, 5)).toBeNull()
  })
})
