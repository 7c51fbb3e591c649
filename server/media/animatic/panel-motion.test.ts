import { createCanvas } from '@napi-rs/canvas'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { planAnimatic, type AnimaticPanelInput, type AnimaticSettings } from '@/lib/animatic'
import { aiConfigFromEnv } from '@/server/ai/ai-config'
import { generateVideoClip } from '@/server/ai/generate-video-clip'
import { tempFolder } from '@/server/media/ffmpeg/testing/clips'
import { createPanelMotion, type GeneratePanelClip } from './panel-motion'

// AI motion per panel with the real offline video generator and real ffmpeg: a panel's picture changes from frame to
// frame, a panel without a picture and a panel whose clip fails keep their still (the latter with a warning), and
// the generated panels are listed for provenance. No database: the PGlite project only.

let folder: Awaited<ReturnType<typeof tempFolder>>
beforeAll(async () => void (folder = await tempFolder()))
afterAll(() => folder.cleanup())

function checkerPng(): Uint8Array {
  // Detail everywhere, so the offline generator's push-in changes pixels (a solid colour would look still).
  const canvas = createCanvas(64, 36)
  const ctx = canvas.getContext('2d')
  for (let y = 0; y < 36; y += 4) for (let x = 0; x < 64; x += 4) {
    ctx.fillStyle = (x + y) % 8 ? '#1d4ed8' : '#fbbf24'
    ctx.fillRect(x, y, 4, 4)
  }
  return canvas.encodeSync('png')
}

const pictures: Record<string, Uint8Array> = { checker: checkerPng(), broken: new TextEncoder().encode('not a png') }
const loadPicture = async (ref: string) => pictures[ref] ?? null
const settings: AnimaticSettings = { rate: { numerator: 24, denominator: 1, dropFrame: false }, startTimecode: '01:00:00:00', overlays: { captions: false, labels: false, timecode: false } }
const offline: GeneratePanelClip = (params) => generateVideoClip({ config: aiConfigFromEnv({}), ...params })

function panel(id: string, durationFrames: number, image: string | null): AnimaticPanelInput {
  return { id, durationFrames, image, cameraMove: { kind: 'static' }, transitionIn: { kind: 'cut' }, dialogue: '', numbers: { scene: 1, shot: '1A', panel: Number(id.replace(/\D/g, '')) || 1 } }
}

const plan = planAnimatic([panel('p1', 6, null), panel('p2', 12, 'checker'), panel('p3', 6, 'checker')], settings)

describe.skipIf(process.env.STORYREEL_TEST_DB === 'postgres')('createPanelMotion', () => {
  it('moves a panel with a picture frame by frame, keeps a slate panel still, and lists what was generated', async () => {
    const warnings: string[] = []
    const motion = createPanelMotion({ plan, width: 64, height: 36, rate: settings.rate, loadPicture, generate: offline, workDir: folder.dir, onWarning: (w) => warnings.push(w) })
    try {
      expect(await motion.pictureAt(0, 0)).toBeNull()
      const start = plan.panels[1]!.startFrame
      const early = Buffer.from((await motion.pictureAt(1, start + 1))!.data())
      const late = Buffer.from((await motion.pictureAt(1, start + 10))!.data())
      expect(early.equals(late)).toBe(false)
      expect(motion.sources).toEqual([{ panel: 1, image: 'checker', provider: 'offline', modelId: expect.any(String), offline: true }])
      expect(warnings).toEqual([])
    } finally {
      await motion.close()
    }
  })

  it('falls back to the still with a warning when a clip cannot be generated or decoded', async () => {
    const warnings: string[] = []
    let calls = 0
    const failing: GeneratePanelClip = async (params) => {
      calls += 1
      if (calls === 1) throw new Error('provider is down')
      return { ...(await offline(params)), bytes: new TextEncoder().encode('not a video either') }
    }
    const motion = createPanelMotion({ plan, width: 64, height: 36, rate: settings.rate, loadPicture, generate: failing, workDir: folder.dir, onWarning: (w) => warnings.push(w) })
    try {
      expect(await motion.pictureAt(1, plan.panels[1]!.startFrame)).toBeNull()
      expect(await motion.pictureAt(2, plan.panels[2]!.startFrame)).toBeNull()
      expect(warnings).toEqual([expect.stringMatching(/provider is down.*still was used/), expect.stringContaining('could not be generated')])
      expect(motion.sources).toEqual([])
    } finally {
      await motion.close()
    }
  })

  it('lets a cancelled render stop rather than fall back', async () => {
    const controller = new AbortController()
    controller.abort(new Error('cancelled'))
    const motion = createPanelMotion({ plan, width: 64, height: 36, rate: settings.rate, loadPicture, generate: offline, workDir: folder.dir, signal: controller.signal })
    await expect(motion.pictureAt(1, plan.panels[1]!.startFrame)).rejects.toThrow('cancelled')
    await motion.close()
  })
})
