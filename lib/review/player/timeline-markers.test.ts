import { describe, expect, it } from 'vitest'
import { placeMarkers, type PlayerMarker } from './timeline-markers'

const marker = (id: string, frameIn: number, frameOut: number | null): PlayerMarker => ({ id, frameIn, frameOut, label: id, resolved: false })

describe('placeMarkers', () => {
  it('places points and ranges as fractions of the timeline', () => {
    const [point, range] = placeMarkers([marker('a', 60, null), marker('b', 120, 180)], 240)
    expect(point).toMatchObject({ id: 'a', left: 0.25, width: 0, lane: 0 })
    expect(range).toMatchObject({ id: 'b', left: 0.5, width: 0.25, lane: 0 })
  })

  it('puts overlapping ranges in separate lanes and reuses a lane once it is free', () => {
    const placed = placeMarkers([marker('a', 0, 100), marker('b', 50, 150), marker('c', 100, 120), marker('d', 60, 70), marker('e', 65, 80)], 240, 3)
    const lanes = Object.fromEntries(placed.map((m) => [m.id, m.lane]))
    expect(lanes).toEqual({ a: 0, b: 1, d: 2, e: 2, c: 0 })
  })

  it('keeps input order out of it: markers come back in time order', () => {
    expect(placeMarkers([marker('late', 200, null), marker('early', 10, null)], 240).map((m) => m.id)).toEqual(['early', 'late'])
  })
})
