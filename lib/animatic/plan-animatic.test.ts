import { describe, expect, it } from 'vitest'
import type { CameraMove, TransitionIn } from '@/lib/board'
import { isAppError } from '@/lib/errors'
import { frameShaped, moveFramings } from './camera-framing'
import { assertRenderable, planAnimatic, type AnimaticPanelInput, type AnimaticSettings } from './plan-animatic'

const settings: AnimaticSettings = {
  rate: { numerator: 24, denominator: 1, dropFrame: false },
  startTimecode: '01:00:00:00',
  overlays: { captions: true, labels: true, timecode: true },
}

let counter = 0
function panel(durationFrames: number, options: { move?: CameraMove; transition?: TransitionIn; dialogue?: string; image?: string | null } = {}): AnimaticPanelInput {
  counter += 1
  return {
    id: `p${counter}`,
    durationFrames,
    cameraMove: options.move ?? { kind: 'static' },
    transitionIn: options.transition ?? { kind: 'cut' },
    image: options.image === undefined ? `image-${counter}` : options.image,
    dialogue: options.dialogue ?? '',
    numbers: { scene: 2, shot: '4A', panel: counter },
  }
}
const dissolve = (durationFrames: number): TransitionIn => ({ kind: 'dissolve', durationFrames })
const fade = (durationFrames: number): TransitionIn => ({ kind: 'fade', durationFrames })
const weights = (plan: ReturnType<typeof planAnimatic>, frame: number) => plan.frameAt(frame).layers.map((l) => [l.panel, Number(l.opacity.toFixed(4))])

describe('planAnimatic timing', () => {
  it('lasts exactly the sum of the durations, whatever the transitions', () => {
    const plan = planAnimatic([panel(48), panel(24, { transition: dissolve(12) }), panel(30, { transition: fade(10) }), panel(7, { transition: dissolve(7) })], settings)
    expect(plan.totalFrames).toBe(48 + 24 + 30 + 7)
    expect(plan.panels.map((p) => [p.startFrame, p.endFrame])).toEqual([[0, 48], [48, 72], [72, 102], [102, 109]])
    expect(plan.frameAt(108).current).toBe(3)
    expect(() => plan.frameAt(109)).toThrow(RangeError)
    expect(() => plan.frameAt(-1)).toThrow(RangeError)
  })

  it('leaves out panels with no duration and says which, without failing', () => {
    const plan = planAnimatic([panel(24), panel(0), panel(12), panel(-3), panel(2.5)], settings)
    expect(plan.totalFrames).toBe(36)
    expect(plan.panels.map((p) => p.id)).toEqual(['p' + (counter - 4), 'p' + (counter - 2)])
    expect(plan.warnings.map((w) => w.kind)).toEqual(['zero-duration', 'zero-duration', 'zero-duration'])
    expect(plan.warnings[0]!.message).toMatch(/^Scene 2 · Shot 4A · panel \d+ has no duration/)
  })

  it('plans nothing for a board with no timed panels, and refuses to render it with a clear message', () => {
    const plan = planAnimatic([panel(0)], settings)
    expect(plan.totalFrames).toBe(0)
    let error: unknown
    try {
      assertRenderable(plan)
    } catch (caught) {
      error = caught
    }
    expect(isAppError(error) && error.code === 'BAD_REQUEST' && error.userMessage).toMatch(/give at least one panel a duration/)
  })

  it('shortens a transition longer than its panel to the panel, keeping the total', () => {
    const plan = planAnimatic([panel(24), panel(10, { transition: dissolve(30) })], settings)
    expect(plan.totalFrames).toBe(34)
    expect(plan.panels[1]!.transitionIn).toEqual({ kind: 'dissolve', frames: 10 })
    expect(plan.warnings).toMatchObject([{ kind: 'transition-shortened' }])
    // The whole incoming panel is the dissolve; its last frame still shows a little of the outgoing one.
    expect(weights(plan, 33)).toEqual([[0, 1], [1, Number((10 / 11).toFixed(4))]])
  })
})

describe('planAnimatic transitions', () => {
  it('dissolves over the first frames of the incoming panel, half and half in the middle', () => {
    const plan = planAnimatic([panel(24), panel(24, { transition: dissolve(5) })], settings)
    expect(weights(plan, 23)).toEqual([[0, 1]])
    expect(weights(plan, 24)).toEqual([[0, 1], [1, Number((1 / 6).toFixed(4))]])
    expect(weights(plan, 26)).toEqual([[0, 1], [1, 0.5]])
    expect(weights(plan, 28)).toEqual([[0, 1], [1, Number((5 / 6).toFixed(4))]])
    expect(weights(plan, 29)).toEqual([[1, 1]])
    expect(plan.panels[0]!.visibleUntil).toBe(29)
  })

  it('fades through black: out, a black frame in the middle, then in', () => {
    const plan = planAnimatic([panel(24), panel(24, { transition: fade(5) })], settings)
    expect(weights(plan, 24)).toEqual([[0, Number((1 - 2 / 6).toFixed(4))]])
    expect(weights(plan, 26)).toEqual([])
    expect(weights(plan, 27)).toEqual([[1, Number((2 * (4 / 6) - 1).toFixed(4))]])
    expect(weights(plan, 29)).toEqual([[1, 1]])
  })

  it('fades the first panel in from black when it has a transition in', () => {
    const plan = planAnimatic([panel(24, { transition: dissolve(3) })], settings)
    expect(weights(plan, 0)).toEqual([[0, 0.25]])
    expect(weights(plan, 2)).toEqual([[0, 0.75]])
    expect(weights(plan, 3)).toEqual([[0, 1]])
  })

  it('treats a zero-frame dissolve as a cut', () => {
    const plan = planAnimatic([panel(10), panel(10, { transition: dissolve(0) })], settings)
    expect(plan.panels[1]!.transitionIn).toEqual({ kind: 'cut' })
    expect(weights(plan, 10)).toEqual([[1, 1]])
  })
})

describe('planAnimatic camera moves', () => {
  it('eases a pan from its start framing on the first frame to its end framing on the last', () => {
    const plan = planAnimatic([panel(25, { move: { kind: 'pan' } })], settings)
    const { start, end } = moveFramings({ kind: 'pan' })
    expect(plan.frameAt(0).layers[0]!.framing).toEqual(start)
    expect(plan.frameAt(24).layers[0]!.framing).toEqual(end)
    expect(plan.frameAt(12).layers[0]!.framing.x).toBeCloseTo(0.1, 10)
    // Eased: the first step is much smaller than an even share of the travel.
    expect(plan.frameAt(1).layers[0]!.framing.x).toBeLessThan(0.2 / 24 / 10)
  })

  it('keeps the outgoing panel moving while a dissolve holds it past its end', () => {
    const plan = planAnimatic([panel(10, { move: { kind: 'zoom-in' } }), panel(10, { transition: dissolve(5) })], settings)
    const outgoing = (frame: number) => plan.frameAt(frame).layers[0]!.framing.width
    // Its move spans the 15 frames it is seen, so it reaches the end framing on the dissolve's last frame, not at 9.
    expect(outgoing(9)).toBeGreaterThan(0.8)
    expect(outgoing(14)).toBeCloseTo(0.8, 10)
    expect(outgoing(10)).toBeLessThan(outgoing(9))
  })

  it('widens a custom framing to the frame shape around its centre rather than stretching the picture', () => {
    expect(frameShaped({ x: 0.2, y: 0.4, width: 0.4, height: 0.2 })).toEqual({ x: 0.2, y: 0.30000000000000004, width: 0.4, height: 0.4 })
    const plan = planAnimatic([panel(2, { move: { kind: 'custom', start: { x: 0, y: 0, width: 1, height: 1 }, end: { x: 0.5, y: 0.5, width: 0.5, height: 0.25 } } })], settings)
    expect(plan.frameAt(1).layers[0]!.framing).toEqual({ x: 0.5, y: 0.375, width: 0.5, height: 0.5 })
  })
})

describe('planAnimatic overlays', () => {
  it('burns in the current panel’s dialogue, label and timecode', () => {
    const plan = planAnimatic([panel(24, { dialogue: '  Where were you?  ' }), panel(24, { transition: dissolve(6) })], settings)
    const first = plan.frameAt(0)
    expect(first).toMatchObject({ caption: 'Where were you?', timecode: '01:00:00:00' })
    expect(first.label).toMatch(/^Sc 2 · 4A · p\d+$/)
    // During the dissolve the incoming panel is current: its (empty) dialogue, its label.
    expect(plan.frameAt(25)).toMatchObject({ caption: null, timecode: '01:00:01:01', label: plan.panels[1]!.shortLabel })
  })

  it('leaves out whatever is switched off', () => {
    const plan = planAnimatic([panel(24, { dialogue: 'Hello' })], { ...settings, overlays: { captions: false, labels: false, timecode: false } })
    expect(plan.frameAt(3)).toMatchObject({ caption: null, label: null, timecode: null })
  })

  it('counts drop-frame timecode across a minute and wraps at 24 hours', () => {
    const df = { numerator: 30000, denominator: 1001, dropFrame: true }
    const plan = planAnimatic([panel(4)], { ...settings, rate: df, startTimecode: '00:00:59;28' })
    expect([0, 1, 2, 3].map((f) => plan.frameAt(f).timecode)).toEqual(['00:00:59;28', '00:00:59;29', '00:01:00;02', '00:01:00;03'])
    const late = planAnimatic([panel(3)], { ...settings, startTimecode: '23:59:59:23' })
    expect(late.frameAt(1).timecode).toBe('00:00:00:00')
  })

  it('refuses a start timecode the project rate cannot have', () => {
    expect(() => planAnimatic([panel(4)], { ...settings, startTimecode: '01:00:00:30' })).toThrow(/Frames in "01:00:00:30" must be 00–23/)
  })
})
