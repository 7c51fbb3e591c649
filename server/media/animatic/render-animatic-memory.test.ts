import path from 'node:path'
import { createCanvas } from '@napi-rs/canvas'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { planAnimatic, type AnimaticPanelInput } from '@/lib/animatic'
import type { CameraMove } from '@/lib/board'
import { tempFolder } from '@/server/media/ffmpeg/testing/clips'
import { renderAnimatic } from './render-animatic'
import { inspectRender } from './testing/inspect-render'
import { canReadProcessTree, sampleProcessTree, type TreeSample } from './testing/process-tree-rss'

// A ten-minute animatic (200 panels of 3 s, every one moving, every cut a dissolve) rendered at a small size so the
// test stays under a minute on two cores: the process's memory must stay flat from the first panels to the last,
// because frames are streamed and only the pictures on screen are held. Each panel's picture is a 1280×720 PNG (eight
// drawings take turns, made once, so the test spends its time rendering), fetched and decoded when its turn comes.
// Nothing here touches the database, so it runs once, in the PGlite project only.

const moves: CameraMove[] = [{ kind: 'pan' }, { kind: 'zoom-in' }, { kind: 'tilt' }, { kind: 'push' }, { kind: 'dolly' }, { kind: 'zoom-out' }]

function drawing(seed: number): Uint8Array {
  const canvas = createCanvas(1280, 720)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = `hsl(${(seed * 47) % 360}, 35%, 85%)`
  ctx.fillRect(0, 0, 1280, 720)
  ctx.strokeStyle = '#222'
  ctx.lineWidth = 5
  for (let i = 0; i < 12; i++) ctx.strokeRect((seed * 131 + i * 151) % 1100, (seed * 71 + i * 97) % 580, 110, 80)
  return canvas.encodeSync('png')
}
const drawings = Array.from({ length: 8 }, (_, seed) => drawing(seed))

let folder: Awaited<ReturnType<typeof tempFolder>>
beforeAll(async () => void (folder = await tempFolder()))
afterAll(() => folder.cleanup())

describe.skipIf(process.env.STORYREEL_TEST_DB === 'postgres')('renderAnimatic memory', () => {
  it('stays flat through a ten-minute render', { timeout: 120_000 }, async () => {
    const rate = { numerator: 24, denominator: 1, dropFrame: false }
    const panels: AnimaticPanelInput[] = Array.from({ length: 200 }, (_, i) => ({
      id: `p${i}`,
      durationFrames: 72,
      image: `picture-${i}`,
      cameraMove: moves[i % moves.length]!,
      transitionIn: i === 0 ? { kind: 'cut' } : { kind: 'dissolve', durationFrames: 12 },
      dialogue: i % 2 ? `Line ${i}: we keep going.` : '',
      numbers: { scene: 1 + Math.floor(i / 20), shot: `${1 + Math.floor(i / 20)}A`, panel: 1 + (i % 20) },
    }))
    const plan = planAnimatic(panels, { rate, startTimecode: '01:00:00:00', overlays: { captions: true, labels: true, timecode: true } })
    expect(plan.totalFrames).toBe(14_400)

    const samples: { frame: number; rss: number }[] = []
    const output = path.join(folder.dir, 'ten-minutes.mp4')
    const started = Date.now()
    await renderAnimatic({
      plan, width: 320, height: 180, rate, outputPath: output, encoder: { preset: 'ultrafast' },
      loadPicture: async (ref) => drawings[Number(ref.slice('picture-'.length)) % drawings.length]!,
      onProgress: ({ framesDone }) => {
        if (framesDone % 240 === 0) samples.push({ frame: framesDone, rss: process.memoryUsage.rss() })
      },
    })
    const seconds = (Date.now() - started) / 1000
    expect((await inspectRender(output)).video.frames).toBe(14_400)

    const mb = (bytes: number) => Math.round(bytes / 2 ** 20)
    // RSS swings by tens of MB as the collector frees frames, so compare the highs of the two halves (after the first
    // minute: code loaded, buffers sized). Memory that followed length would make the second half's high the higher.
    const warm = samples.filter((s) => s.frame >= 1_440)
    const half = Math.floor(warm.length / 2)
    const firstHigh = Math.max(...warm.slice(0, half).map((s) => s.rss))
    const secondHigh = Math.max(...warm.slice(half).map((s) => s.rss))
    console.info(`10-minute render at 320×180: ${seconds.toFixed(1)} s; RSS high ${mb(firstHigh)} MB in the first half, ${mb(secondHigh)} MB in the second (samples: ${samples.map((s) => mb(s.rss)).join(' ')})`)
    expect(mb(secondHigh - firstHigh)).toBeLessThan(32)
    expect(mb(secondHigh)).toBeLessThan(400)
  })
})

// The bound (600 MB) is for the whole render, at a size people render: Node and the ffmpeg it feeds, sampled
// from /proc every 48 frames through a minute of 720p animatic (20 moving panels with dissolves). Linux only.
describe.skipIf(process.env.STORYREEL_TEST_DB === 'postgres' || !canReadProcessTree)('renderAnimatic memory at 720p', () => {
  it('keeps Node and ffmpeg together under 600 MB through a minute of 720p', { timeout: 120_000 }, async () => {
    const rate = { numerator: 24, denominator: 1, dropFrame: false }
    const panels: AnimaticPanelInput[] = Array.from({ length: 20 }, (_, i) => ({
      id: `p${i}`,
      durationFrames: 72,
      image: `picture-${i}`,
      cameraMove: moves[i % moves.length]!,
      transitionIn: i === 0 ? { kind: 'cut' } : { kind: 'dissolve', durationFrames: 12 },
      dialogue: i % 2 ? `Line ${i}: we keep going.` : '',
      numbers: { scene: 1, shot: '1A', panel: 1 + i },
    }))
    const plan = planAnimatic(panels, { rate, startTimecode: '01:00:00:00', overlays: { captions: true, labels: true, timecode: true } })
    const samples: TreeSample[] = []
    const output = path.join(folder.dir, 'one-minute-720p.mp4')
    const started = Date.now()
    await renderAnimatic({
      plan, width: 1280, height: 720, rate, outputPath: output, encoder: { preset: 'ultrafast' },
      loadPicture: async (ref) => drawings[Number(ref.slice('picture-'.length)) % drawings.length]!,
      onProgress: ({ framesDone }) => {
        if (framesDone % 48 === 0) samples.push(sampleProcessTree('ffmpeg'))
      },
    })
    const seconds = (Date.now() - started) / 1000
    expect((await inspectRender(output)).video).toMatchObject({ width: 1280, height: 720, frames: 1_440 })

    const mb = (bytes: number) => Math.round(bytes / 2 ** 20)
    const withEncoder = samples.filter((sample) => sample.childCount === 1)
    // The encoder was found and measured in most samples; otherwise this test would be checking Node alone.
    expect(withEncoder.length).toBeGreaterThan(samples.length / 2)
    const peak = Math.max(...withEncoder.map((sample) => sample.node + sample.children))
    const encoderPeak = Math.max(...withEncoder.map((sample) => sample.children))
    console.info(`1-minute render at 720p: ${seconds.toFixed(1)} s; peak RSS of Node + ffmpeg ${mb(peak)} MB (ffmpeg alone up to ${mb(encoderPeak)} MB)`)
    expect(encoderPeak).toBeGreaterThan(0)
    expect(mb(peak)).toBeLessThan(600)
  })
})
