import type { CameraMove, FramingRect } from '@/lib/board'

// Where the virtual camera looks, as a rectangle in normalised frame coordinates (0..1 on both axes of the panel as it
// fills the output frame), so a move means the same thing at 720p and 1080p. The simple moves are fixed framings
// chosen to read clearly on a small screen without hiding much of the drawing.

/** The whole panel. */
export const fullFrame: FramingRect = { x: 0, y: 0, width: 1, height: 1 }

const centred = (size: number): FramingRect => ({ x: (1 - size) / 2, y: (1 - size) / 2, width: size, height: size })

/** Start and end framing of each move. Pans go left to right and tilts top to bottom, the way a board is read. */
export function moveFramings(move: CameraMove): { start: FramingRect; end: FramingRect } {
  switch (move.kind) {
    case 'static':
      return { start: fullFrame, end: fullFrame }
    case 'pan':
      return { start: { x: 0, y: 0.1, width: 0.8, height: 0.8 }, end: { x: 0.2, y: 0.1, width: 0.8, height: 0.8 } }
    case 'tilt':
      return { start: { x: 0.1, y: 0, width: 0.8, height: 0.8 }, end: { x: 0.1, y: 0.2, width: 0.8, height: 0.8 } }
    case 'zoom-in':
      return { start: fullFrame, end: centred(0.8) }
    case 'zoom-out':
      return { start: centred(0.8), end: fullFrame }
    case 'push':
      // A push-in travels further than a zoom: the camera moves toward the subject.
      return { start: fullFrame, end: centred(0.7) }
    case 'dolly':
      // A lateral dolly that closes in a little as it travels.
      return { start: { x: 0, y: 0.05, width: 0.9, height: 0.9 }, end: { x: 0.2, y: 0.1, width: 0.8, height: 0.8 } }
    case 'custom':
      return { start: frameShaped(move.start), end: frameShaped(move.end) }
  }
}

/**
 * A custom framing drawn with another shape than the frame would stretch the picture; it is widened around its centre
 * to the frame's shape instead (it may then reach past the panel's edge, which renders black).
 */
export function frameShaped(rect: FramingRect): FramingRect {
  const size = Math.max(rect.width, rect.height)
  return { x: rect.x + (rect.width - size) / 2, y: rect.y + (rect.height - size) / 2, width: size, height: size }
}

/** Slow in, slow out (cubic), so a move never starts or stops with a jolt. t in 0..1. */
export function easeInOut(t: number): number {
  const clamped = Math.min(1, Math.max(0, t))
  return clamped < 0.5 ? 4 * clamped ** 3 : 1 - (-2 * clamped + 2) ** 3 / 2
}

export function interpolateFraming(start: FramingRect, end: FramingRect, t: number): FramingRect {
  const lerp = (a: number, b: number) => a + (b - a) * t
  return { x: lerp(start.x, end.x), y: lerp(start.y, end.y), width: lerp(start.width, end.width), height: lerp(start.height, end.height) }
}

/** The smallest framing size a move reaches: how far the renderer must be able to zoom into the panel. */
export function tightestFraming(move: CameraMove): number {
  const { start, end } = moveFramings(move)
  return Math.min(start.width, start.height, end.width, end.height)
}
