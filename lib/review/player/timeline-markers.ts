// Comment markers laid out along the timeline: points for single-frame comments, bars for ranges.
import { fractionOfFrame } from './frame-math'

export interface PlayerMarker {
  id: string
  frameIn: number
  /** Exclusive end, as comments store it; null for a comment on one frame. */
  frameOut: number | null
  color?: string
  label: string
  resolved: boolean
}

export interface PlacedMarker extends PlayerMarker {
  /** Left edge and width as fractions (0..1) of the timeline. Points have width 0. */
  left: number
  width: number
  /** Row to draw the marker in, so overlapping ranges do not hide each other. */
  lane: number
}

/**
 * Places markers in time order and gives overlapping ranges their own lanes (greedy interval colouring, capped at
 * `maxLanes`, after which markers share the last lane). Points only conflict with ranges, never with each other: they
 * are drawn as pins that stack harmlessly.
 */
export function placeMarkers(markers: readonly PlayerMarker[], frameCount: number, maxLanes = 3): PlacedMarker[] {
  const sorted = [...markers].sort((a, b) => a.frameIn - b.frameIn || (b.frameOut ?? b.frameIn) - (a.frameOut ?? a.frameIn))
  const laneEnds: number[] = []
  return sorted.map((marker) => {
    const end = marker.frameOut ?? marker.frameIn
    let lane = 0
    if (marker.frameOut !== null) {
      lane = laneEnds.findIndex((laneEnd) => laneEnd <= marker.frameIn)
      if (lane === -1) lane = Math.min(laneEnds.length, maxLanes - 1)
      laneEnds[lane] = Math.max(laneEnds[lane] ?? 0, end)
    }
    const left = fractionOfFrame(marker.frameIn, frameCount)
    const width = marker.frameOut === null ? 0 : fractionOfFrame(marker.frameOut, frameCount) - left
    return { ...marker, left, width, lane }
  })
}
