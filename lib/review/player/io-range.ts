// In and out marks, the range they make, and the rules for looping it.

/** Marks as the editor set them: both inclusive frame numbers, either may be missing. */
export interface IoMarks {
  in: number | null
  out: number | null
}

/**
 * A range as comments store it: `in` inclusive, `out` exclusive (the first frame after the range), so it can become a
 * comment's frameIn/frameOut unchanged.
 */
export interface FrameRange {
  in: number
  out: number
}

export const noMarks: IoMarks = { in: null, out: null }

/** Marking in after the out mark drops the out mark (and the reverse), as NLEs do, so a range never runs backwards. */
export function markIn(marks: IoMarks, frame: number): IoMarks {
  return { in: frame, out: marks.out !== null && marks.out < frame ? null : marks.out }
}

export function markOut(marks: IoMarks, frame: number): IoMarks {
  return { in: marks.in !== null && marks.in > frame ? null : marks.in, out: frame }
}

/** The range the marks make; a lone in runs to the end and a lone out from the start. Null when nothing is marked. */
export function rangeOfMarks(marks: IoMarks, frameCount: number): FrameRange | null {
  if (marks.in === null && marks.out === null) return null
  const last = Math.max(0, frameCount - 1)
  const start = Math.min(marks.in ?? 0, last)
  const end = Math.min(marks.out ?? last, last)
  return { in: start, out: Math.max(start, end) + 1 }
}

/**
 * Where looping playback must jump, or null to carry on. Looping plays the marked range, or the whole clip when
 * nothing is marked; going forward it wraps from past the out back to the in (and starts there when the playhead is
 * before it), in reverse from before the in back to the last frame of the range.
 */
export function loopJump(frame: number, speed: number, range: FrameRange | null, frameCount: number): number | null {
  if (speed === 0) return null
  const { in: start, out: end } = range ?? { in: 0, out: Math.max(1, frameCount) }
  if (speed > 0) return frame >= end || frame < start ? start : null
  return frame < start || frame >= end ? end - 1 : null
}
