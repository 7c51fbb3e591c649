// Geometry of drawings on a frame: where the picture sits in its box, normalising pointer positions, arrowheads, and
// which drawings show on a frame. Stored points are 0..1 of the picture (lib/review/annotation.ts).

export type Point = readonly [number, number]

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

/**
 * The rectangle a picture of videoWidth×videoHeight occupies inside a box with object-fit: contain: as large as fits,
 * centred, with bars on the sides or top and bottom. Before the video's size is known the whole box is the picture.
 */
export function containedRect(boxWidth: number, boxHeight: number, videoWidth: number, videoHeight: number): Rect {
  if (!(videoWidth > 0 && videoHeight > 0 && boxWidth > 0 && boxHeight > 0)) {
    return { x: 0, y: 0, width: Math.max(0, boxWidth), height: Math.max(0, boxHeight) }
  }
  const scale = Math.min(boxWidth / videoWidth, boxHeight / videoHeight)
  const width = videoWidth * scale
  const height = videoHeight * scale
  return { x: (boxWidth - width) / 2, y: (boxHeight - height) / 2, width, height }
}

function clampUnit(value: number): number {
  return Math.min(1, Math.max(0, value))
}

/** A point in box pixels as 0..1 of the picture; points on the letterbox bars are pulled onto the picture's edge. */
export function normalisePoint(x: number, y: number, picture: Rect): [number, number] {
  if (picture.width <= 0 || picture.height <= 0) return [0, 0]
  return [clampUnit((x - picture.x) / picture.width), clampUnit((y - picture.y) / picture.height)]
}

/** A stored 0..1 point in box pixels. */
export function denormalisePoint(point: Point, picture: Rect): [number, number] {
  return [picture.x + point[0] * picture.width, picture.y + point[1] * picture.height]
}

/**
 * The two barbs of an arrowhead at `to`, in pixels: computed after denormalising because in 0..1 space a 16:9
 * picture would squash the head. The head grows with the shaft up to `size` so a short arrow stays an arrow.
 */
export function arrowHead(from: Point, to: Point, size: number): [[number, number], [number, number]] {
  const dx = to[0] - from[0]
  const dy = to[1] - from[1]
  const length = Math.hypot(dx, dy)
  if (length === 0) return [[to[0], to[1]], [to[0], to[1]]]
  const head = Math.min(size, length * 0.4)
  const angle = Math.atan2(dy, dx)
  const spread = Math.PI / 7
  return [
    [to[0] - head * Math.cos(angle - spread), to[1] - head * Math.sin(angle - spread)],
    [to[0] - head * Math.cos(angle + spread), to[1] - head * Math.sin(angle + spread)],
  ]
}

/** The distance from `p` to the segment a–b. */
function segmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0]
  const dy = b[1] - a[1]
  const lengthSquared = dx * dx + dy * dy
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / lengthSquared))
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy))
}

/**
 * Ramer–Douglas–Peucker: drops points closer than `tolerance` to the line their neighbours make, keeping the ends.
 * Written out (twenty lines) rather than pulled in as a dependency. Iterative, so a 10,000-point scribble cannot
 * overflow the stack.
 */
export function simplifyPolyline(points: readonly Point[], tolerance: number): Point[] {
  if (points.length <= 2) return [...points]
  const keep = new Uint8Array(points.length)
  keep[0] = 1
  keep[points.length - 1] = 1
  const stack: [number, number][] = [[0, points.length - 1]]
  while (stack.length > 0) {
    const [first, last] = stack.pop()!
    let farthest = -1
    let farthestDistance = tolerance
    for (let index = first + 1; index < last; index++) {
      const distance = segmentDistance(points[index]!, points[first]!, points[last]!)
      if (distance > farthestDistance) {
        farthest = index
        farthestDistance = distance
      }
    }
    if (farthest !== -1) {
      keep[farthest] = 1
      stack.push([first, farthest], [farthest, last])
    }
  }
  return points.filter((_, index) => keep[index] === 1)
}

/**
 * A freehand stroke with at most `maxPoints` points: simplified at a tolerance invisible on screen (0.1 % of the
 * picture), loosened step by step only if the stroke is still too long.
 */
export function simplifyStroke(points: readonly Point[], maxPoints: number, tolerance = 0.001): Point[] {
  // Consecutive duplicates (a pointer that did not move) carry nothing.
  let result: Point[] = points.filter((point, index) => index === 0 || point[0] !== points[index - 1]![0] || point[1] !== points[index - 1]![1])
  let current = tolerance
  result = simplifyPolyline(result, current)
  while (result.length > maxPoints) {
    current *= 2
    result = simplifyPolyline(result, current)
  }
  return result
}

/** Rounds to 4 decimals (a tenth of a pixel on a 4K frame) so stored drawings stay small. */
export function roundPoint(point: Point): [number, number] {
  return [Math.round(point[0] * 10_000) / 10_000, Math.round(point[1] * 10_000) / 10_000]
}

export interface FrameSpan {
  frameIn: number
  /** Exclusive; null for a drawing on the one frame frameIn. */
  frameOut: number | null
}

/** Whether a drawing made for a comment shows on `frame`. */
export function showsOnFrame(span: FrameSpan, frame: number): boolean {
  return span.frameOut === null ? frame === span.frameIn : frame >= span.frameIn && frame < span.frameOut
}
