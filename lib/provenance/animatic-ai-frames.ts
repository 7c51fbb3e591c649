// How much of a rendered animatic shows AI imagery: the frames of the panels that carry it, from the panel map the
// render was drawn with, clipped to the version's length. A version whose own picture was generated (the AI
// animatic mode, image to video) is AI content from its first frame to its last.

export interface AnimaticPanelSpan {
  panelId: string
  frameIn: number
  /** Exclusive. */
  frameOut: number
}

export function animaticAiFrames(input: {
  spans: readonly AnimaticPanelSpan[]
  aiPanelIds: ReadonlySet<string>
  frameCount: number
  wholeVersionIsAi: boolean
}): number {
  if (input.wholeVersionIsAi) return input.frameCount
  let frames = 0
  for (const span of input.spans) {
    if (!input.aiPanelIds.has(span.panelId)) continue
    frames += Math.max(0, Math.min(span.frameOut, input.frameCount) - Math.max(0, span.frameIn))
  }
  return frames
}

/** Seconds to the millisecond, from whole frames at a rational rate (frames × den / num). */
export function framesToSeconds(frames: number, rate: { numerator: number; denominator: number }): number {
  return Math.round((frames * rate.denominator * 1000) / rate.numerator) / 1000
}
