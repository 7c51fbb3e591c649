import { createCanvas } from '@napi-rs/canvas'
import { describe, expect, it } from 'vitest'
import { planAnimatic, type AnimaticPanelInput, type AnimaticSettings } from '@/lib/animatic'
import { createFrameCompositor, type Canvas } from './frame-compositor'

// Held frames are made from the previous frame instead of being drawn again; they must come out as a full drawing
// would, timecode included. Nothing here touches the database, so it runs once, in the PGlite project only.

const settings: AnimaticSettings = { rate: { numerator: 25, denominator: 1, dropFrame: false }, startTimecode: '10:00:00:00', overlays: { captions: true, labels: true, timecode: true } }

function picture(): Canvas {
  const canvas = createCanvas(640, 360)
  const ctx = canvas.getContext('2d')
  const gradient = ctx.createLinearGradient(0, 0, 640, 360)
  gradient.addColorStop(0, '#e0c090')
  gradient.addColorStop(1, '#405080')
  ctx.fillStyle = gradient
  ctx.fillRect(0, 0, 640, 360)
  return canvas
}

const panel = (id: string, extra: Partial<AnimaticPanelInput>): AnimaticPanelInput => ({
  id, durationFrames: 30, image: id, cameraMove: { kind: 'static' }, transitionIn: { kind: 'cut' }, dialogue: 'Hold it there.', numbers: { scene: 1, shot: '1A', panel: 1 }, ...extra,
})

function largestDifference(a: Buffer, b: Buffer): number {
  let largest = 0
  for (let i = 0; i < a.length; i++) largest = Math.max(largest, Math.abs(a[i]! - b[i]!))
  return largest
}

describe.skipIf(process.env.STORYREEL_TEST_DB === 'postgres')('createFrameCompositor', () => {
  it('makes held frames with the new timecode, as a full drawing would', () => {
    const plan = planAnimatic([panel('a', {}), panel('b', { cameraMove: { kind: 'pan' } })], settings)
    const pictures = new Map([[0, picture()], [1, picture()]])
    const compositor = createFrameCompositor(640, 360)
    const frames = Array.from({ length: 33 }, (_, f) => compositor.compose(plan.frameAt(f), pictures))
    // Frame 0 drawn; 1–29 held (the first of them also draws the picture once more to keep); 30–32 move.
    expect(compositor.stats).toEqual({ full: 4, reused: 0, timecodeOnly: 29 })
    for (const f of [1, 17, 29]) {
      const drawnAlone = createFrameCompositor(640, 360).compose(plan.frameAt(f), pictures)
      expect(largestDifference(frames[f]!, drawnAlone)).toBeLessThanOrEqual(2)
    }
    // And the timecode does change from one held frame to the next.
    expect(largestDifference(frames[1]!, frames[2]!)).toBeGreaterThan(50)
    expect(new Set(frames).size).toBe(33)
  })

  it('hands out the same bytes again when nothing on screen changes', () => {
    const plan = planAnimatic([panel('a', { dialogue: '' })], { ...settings, overlays: { captions: false, labels: true, timecode: false } })
    const compositor = createFrameCompositor(320, 180)
    const pictures = new Map([[0, picture()]])
    const frames = Array.from({ length: 5 }, (_, f) => compositor.compose(plan.frameAt(f), pictures))
    expect(compositor.stats).toEqual({ full: 1, reused: 4, timecodeOnly: 0 })
    expect(new Set(frames).size).toBe(1)
  })
})
