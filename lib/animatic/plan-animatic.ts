import type { CameraMove, FramingRect, TransitionIn } from '@/lib/board'
import { AppError } from '@/lib/errors'
import { formatTimecode, framesPerDay, parseTimecode, type Rate } from '@/lib/timecode'
import { easeInOut, interpolateFraming, moveFramings } from './camera-framing'

// The animatic's timeline, frame by frame, with no drawing and no I/O: which panel or panels are on screen, where the
// camera looks in each, how strongly each shows through a transition, and the text burnt in on top. The renderer asks
// for one frame at a time, so a ten-minute animatic costs no more memory to plan than a ten-second one.
//
// Timing rule: every panel is on screen for exactly its durationFrames, back to back, so the total is the sum of the
// durations whatever the transitions. A transition into a panel takes the first frames of that panel's own duration:
// during a dissolve of d frames the outgoing panel stays visible under the incoming one for those d frames (it is held
// past its own end rather than shortened). Neither first nor last transition frame is a pure picture: frame j of d
// (0-based) shows the incoming panel at weight (j + 1) / (d + 1), so a 1-frame dissolve is one half-and-half frame.
// A fade goes through black: the outgoing panel fades out over the first half and the incoming one fades in over the
// second. A dissolve or fade into the first panel has nothing to come from, so it fades in from black.
// A camera move runs, eased, over every frame its panel is seen, including the frames a dissolve holds it past its end.

export interface PanelNumbers {
  scene: number
  /** "4A", or the shot's custom label. */
  shot: string
  /** 1-based within its shot. */
  panel: number
}

export interface AnimaticPanelInput {
  id: string
  durationFrames: number
  cameraMove: CameraMove
  transitionIn: TransitionIn
  /** The picture to show (an asset id for the renderer to fetch), or null: the panel renders as a numbered slate. */
  image: string | null
  /** Burnt in as a caption while the panel is current, when captions are on; blank for none. */
  dialogue: string
  numbers: PanelNumbers
}

export interface AnimaticOverlays {
  captions: boolean
  /** "Sc 2 · 4A · p2" in a corner. */
  labels: boolean
  timecode: boolean
}

export interface AnimaticSettings {
  rate: Rate
  /** The label of the first frame: the project's start timecode, e.g. "01:00:00:00". */
  startTimecode: string
  overlays: AnimaticOverlays
}

export type PlannedTransition = { kind: 'cut' } | { kind: 'dissolve' | 'fade'; frames: number }

export interface PlannedPanel {
  id: string
  image: string | null
  cameraMove: CameraMove
  /** On screen (as the current panel) for [startFrame, endFrame). */
  startFrame: number
  endFrame: number
  /** Exclusive: endFrame plus the next panel's transition, while this panel still shows under it. */
  visibleUntil: number
  transitionIn: PlannedTransition
  /** "Sc 2 · 4A · p2" */
  shortLabel: string
  /** "Scene 2 · Shot 4A · panel 2", as the board writes it. */
  label: string
  dialogue: string
}

export interface FrameLayer {
  /** Index into plan.panels. */
  panel: number
  /** 0 < opacity ≤ 1, drawn over what is below; the bottom of every frame is black. */
  opacity: number
  /** Where the camera looks at this frame, in the panel's normalised frame coordinates. */
  framing: FramingRect
}

export interface PlannedFrame {
  frame: number
  /** Index into plan.panels of the panel whose duration this frame belongs to. */
  current: number
  /** Bottom first; empty at the black midpoint of a fade. */
  layers: FrameLayer[]
  caption: string | null
  label: string | null
  timecode: string | null
}

export type AnimaticWarning =
  | { kind: 'zero-duration'; panelId: string; message: string }
  | { kind: 'transition-shortened'; panelId: string; message: string }

export interface AnimaticPlan {
  totalFrames: number
  panels: readonly PlannedPanel[]
  warnings: readonly AnimaticWarning[]
  frameAt(frame: number): PlannedFrame
}

export function shortPanelLabel({ scene, shot, panel }: PanelNumbers): string {
  return `Sc ${scene} · ${shot} · p${panel}`
}

export function longPanelLabel({ scene, shot, panel }: PanelNumbers): string {
  return `Scene ${scene} · Shot ${shot} · panel ${panel}`
}

export function planAnimatic(inputs: readonly AnimaticPanelInput[], settings: AnimaticSettings): AnimaticPlan {
  // Checked before anything is rendered, so a bad project setting fails at once with the timecode module's message.
  const firstTimecodeFrame = parseTimecode(settings.startTimecode, settings.rate)
  const dayFrames = framesPerDay(settings.rate)
  const warnings: AnimaticWarning[] = []
  const panels: PlannedPanel[] = []
  let frame = 0
  for (const input of inputs) {
    const label = longPanelLabel(input.numbers)
    if (!Number.isSafeInteger(input.durationFrames) || input.durationFrames <= 0) {
      warnings.push({ kind: 'zero-duration', panelId: input.id, message: `${label} has no duration, so it was left out of the animatic.` })
      continue
    }
    const transitionIn = planTransition(input, label, warnings)
    panels.push({
      id: input.id,
      image: input.image,
      cameraMove: input.cameraMove,
      startFrame: frame,
      endFrame: frame + input.durationFrames,
      visibleUntil: frame + input.durationFrames,
      transitionIn,
      shortLabel: shortPanelLabel(input.numbers),
      label,
      dialogue: input.dialogue.trim(),
    })
    frame += input.durationFrames
  }
  for (let i = 1; i < panels.length; i++) panels[i - 1]!.visibleUntil += transitionFrames(panels[i]!.transitionIn)

  const totalFrames = frame
  const { overlays } = settings

  function frameAt(frameNumber: number): PlannedFrame {
    if (!Number.isSafeInteger(frameNumber) || frameNumber < 0 || frameNumber >= totalFrames) {
      throw new RangeError(`Frame ${frameNumber} is outside the animatic (0–${totalFrames - 1}).`)
    }
    const current = panelIndexAt(panels, frameNumber)
    const panel = panels[current]!
    return {
      frame: frameNumber,
      current,
      layers: layersAt(panels, current, frameNumber),
      caption: overlays.captions && panel.dialogue ? panel.dialogue : null,
      label: overlays.labels ? panel.shortLabel : null,
      timecode: overlays.timecode ? formatTimecode((firstTimecodeFrame + frameNumber) % dayFrames, settings.rate) : null,
    }
  }

  return { totalFrames, panels, warnings, frameAt }
}

/** Throws a clear error for an empty plan: nothing to render is the user's to fix, not a crash. */
export function assertRenderable(plan: AnimaticPlan): void {
  if (plan.totalFrames > 0) return
  throw new AppError('BAD_REQUEST', {
    userMessage: 'There is nothing to render yet: give at least one panel a duration on the board.',
  })
}

function planTransition(input: AnimaticPanelInput, label: string, warnings: AnimaticWarning[]): PlannedTransition {
  const transition = input.transitionIn
  if (transition.kind === 'cut') return { kind: 'cut' }
  const asked = Number.isSafeInteger(transition.durationFrames) ? Math.max(0, transition.durationFrames) : 0
  if (asked === 0) return { kind: 'cut' }
  if (asked > input.durationFrames) {
    warnings.push({
      kind: 'transition-shortened',
      panelId: input.id,
      message: `The ${transition.kind} into ${label} (${asked} frames) is longer than the panel (${input.durationFrames} frames), so it was shortened to the panel's length.`,
    })
  }
  return { kind: transition.kind, frames: Math.min(asked, input.durationFrames) }
}

function transitionFrames(transition: PlannedTransition): number {
  return transition.kind === 'cut' ? 0 : transition.frames
}

function panelIndexAt(panels: readonly PlannedPanel[], frame: number): number {
  let low = 0
  let high = panels.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if (panels[mid]!.startFrame <= frame) low = mid
    else high = mid - 1
  }
  return low
}

function framingAt(panel: PlannedPanel, frame: number): FramingRect {
  const { start, end } = moveFramings(panel.cameraMove)
  const span = panel.visibleUntil - panel.startFrame
  const t = span > 1 ? (frame - panel.startFrame) / (span - 1) : 0
  return interpolateFraming(start, end, easeInOut(t))
}

function layersAt(panels: readonly PlannedPanel[], current: number, frame: number): FrameLayer[] {
  const incoming = panels[current]!
  const layer = (index: number, opacity: number): FrameLayer => ({ panel: index, opacity, framing: framingAt(panels[index]!, frame) })
  const transition = incoming.transitionIn
  const step = frame - incoming.startFrame
  if (transition.kind === 'cut' || step >= transition.frames) return [layer(current, 1)]
  const weight = (step + 1) / (transition.frames + 1)
  if (current === 0) return [layer(current, weight)]
  if (transition.kind === 'dissolve') return [layer(current - 1, 1), layer(current, weight)]
  if (weight < 0.5) return [layer(current - 1, 1 - 2 * weight)]
  if (weight > 0.5) return [layer(current, 2 * weight - 1)]
  return []
}
