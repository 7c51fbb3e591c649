import fs from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { planAnimatic, type AnimaticPanelInput, type AnimaticSettings } from '@/lib/animatic'
import { isAppError } from '@/lib/errors'
import { makeClip, tempFolder } from '@/server/media/ffmpeg/testing/clips'
import { renderAnimatic, type RenderAnimaticOptions } from './render-animatic'
import { expectColourNear, inspectRender, pixelAt, solidPng } from './testing/inspect-render'

// The renderer end to end with real ffmpeg: what ffprobe reads back from the file, the colours of chosen frames, a
// slate for a panel without a picture, the audio track, and what is left behind when a render fails or is cancelled.
// Nothing here touches the database, so it runs once, in the PGlite project only.

let folder: Awaited<ReturnType<typeof tempFolder>>
beforeAll(async () => void (folder = await tempFolder()))
afterAll(() => folder.cleanup())

const pictures: Record<string, Uint8Array> = { red: solidPng('#ff0000'), blue: solidPng('#0000ff'), broken: new TextEncoder().encode('not a png') }
const loadPicture = async (ref: string) => {
  if (ref === 'unreachable') throw new Error('storage is down')
  return pictures[ref] ?? null
}

const noOverlays: AnimaticSettings = { rate: { numerator: 24, denominator: 1, dropFrame: false }, startTimecode: '01:00:00:00', overlays: { captions: false, labels: false, timecode: false } }

function panel(id: string, durationFrames: number, image: string | null, extra: Partial<AnimaticPanelInput> = {}): AnimaticPanelInput {
  return { id, durationFrames, image, cameraMove: { kind: 'static' }, transitionIn: { kind: 'cut' }, dialogue: '', numbers: { scene: 1, shot: '1A', panel: Number(id.replace(/\D/g, '')) || 1 }, ...extra }
}

function render(file: string, plan: ReturnType<typeof planAnimatic>, settings: AnimaticSettings, options: Partial<RenderAnimaticOptions> = {}) {
  return renderAnimatic({ plan, width: 320, height: 180, rate: settings.rate, loadPicture, outputPath: path.join(folder.dir, file), encoder: { preset: 'ultrafast' }, ...options })
}

const exists = (file: string) => fs.access(path.join(folder.dir, file)).then(() => true, () => false)

describe.skipIf(process.env.STORYREEL_TEST_DB === 'postgres')('renderAnimatic', () => {
  it('writes exactly the planned frames as H.264 yuv420p at the project rate, blending both panels mid-dissolve', async () => {
    const plan = planAnimatic(
      [
        panel('p1', 12, 'red'),
        panel('p2', 13, 'blue', { transitionIn: { kind: 'dissolve', durationFrames: 9 } }),
        panel('p3', 0, 'red'),
        panel('p4', 12, null),
      ],
      noOverlays,
    )
    const progress: number[] = []
    const result = await renderAnimatic({
      plan, width: 1280, height: 720, rate: noOverlays.rate, loadPicture, outputPath: path.join(folder.dir, 'dissolve.mp4'),
      onProgress: ({ framesDone, totalFrames }) => progress.push(framesDone / totalFrames),
    })
    expect(result.totalFrames).toBe(37)
    expect(result.warnings).toEqual([expect.stringContaining('has no duration')])
    expect(progress).toHaveLength(37)
    expect(progress.at(-1)).toBe(1)

    const file = path.join(folder.dir, 'dissolve.mp4')
    const streams = await inspectRender(file)
    expect(streams.video).toEqual({ codec: 'h264', pixFmt: 'yuv420p', width: 1280, height: 720, rate: '24/1', frames: 37 })
    expect(streams.audio).toBeNull()
    expect(streams.duration).toBeCloseTo(37 / 24, 2)

    expectColourNear(await pixelAt(file, 5, 640, 360), [255, 0, 0], 12)
    // The dissolve covers frames 12–20; frame 16 is its middle, where each panel shows at half strength.
    expectColourNear(await pixelAt(file, 16, 640, 360), [128, 0, 128], 14)
    const early = await pixelAt(file, 12, 640, 360)
    expect(early[0]).toBeGreaterThan(early[2]) // mostly red still
    expectColourNear(await pixelAt(file, 22, 640, 360), [0, 0, 255], 12)
    // p4 has no picture: a dark slate (its label is drawn across the middle; this pixel is plain background).
    expectColourNear(await pixelAt(file, 30, 200, 620), [31, 36, 48], 12)
  })

  it('renders 1080p at 29.97 with an audio track cut to the picture, and pads a short one with silence', async () => {
    const settings: AnimaticSettings = { ...noOverlays, rate: { numerator: 30000, denominator: 1001, dropFrame: true }, startTimecode: '00:59:59;00', overlays: { captions: true, labels: true, timecode: true } }
    const plan = planAnimatic(
      [panel('p1', 30, 'red', { dialogue: 'Where were you last night? I waited for hours.', cameraMove: { kind: 'push' } }), panel('p2', 30, 'blue', { transitionIn: { kind: 'fade', durationFrames: 10 }, cameraMove: { kind: 'pan' } })],
      settings,
    )
    const long = await makeClip(path.join(folder.dir, 'music.wav'), { video: null, audio: 'sine=f=440:d=5', codecArgs: [] })
    const short = await makeClip(path.join(folder.dir, 'voice.wav'), { video: null, audio: 'sine=f=220:d=0.5', codecArgs: [] })
    await renderAnimatic({ plan, width: 1920, height: 1080, rate: settings.rate, loadPicture, outputPath: path.join(folder.dir, 'music.mp4'), audio: { path: long, name: 'music.wav' }, encoder: { preset: 'ultrafast' } })
    await renderAnimatic({ plan, width: 1920, height: 1080, rate: settings.rate, loadPicture, outputPath: path.join(folder.dir, 'voice.mp4'), audio: { path: short, name: 'voice.wav' }, encoder: { preset: 'ultrafast' } })
    const seconds = (60 * 1001) / 30000
    for (const file of ['music.mp4', 'voice.mp4']) {
      const streams = await inspectRender(path.join(folder.dir, file))
      expect(streams.video).toEqual({ codec: 'h264', pixFmt: 'yuv420p', width: 1920, height: 1080, rate: '30000/1001', frames: 60 })
      expect(streams.audio?.codec).toBe('aac')
      // AAC works in 1024-sample packets, so the track may end up to one packet (21 ms at 48 kHz) past the picture.
      expect(Math.abs(streams.audio!.duration - seconds)).toBeLessThan(0.05)
      expect(Math.abs(streams.duration - seconds)).toBeLessThan(0.05)
    }
    // Overlays are burnt in: the label's tag (from 32 px in at 1080p) darkens the red under it; the red beside it is not.
    expectColourNear(await pixelAt(path.join(folder.dir, 'music.mp4'), 0, 36, 36), [115, 0, 0], 16)
    expectColourNear(await pixelAt(path.join(folder.dir, 'music.mp4'), 0, 20, 20), [255, 0, 0], 12)
  })

  it('refuses an audio file that is not audio, clearly and before drawing anything', async () => {
    const fake = path.join(folder.dir, 'song.mp3')
    await fs.writeFile(fake, 'this is a text file named like a song')
    const still = path.join(folder.dir, 'cover.png')
    await fs.writeFile(still, pictures.red!)
    const plan = planAnimatic([panel('p1', 12, 'red')], noOverlays)
    for (const [file, name] of [[fake, 'song.mp3'], [still, 'cover.png']] as const) {
      const error = await render(`refused-${name}.mp4`, plan, noOverlays, { audio: { path: file, name } }).catch((caught: unknown) => caught)
      expect(isAppError(error) && error.code).toBe('BAD_REQUEST')
      expect(isAppError(error) && error.userMessage).toContain(`"${name}" is not a sound file we can read`)
      expect(await exists(`refused-${name}.mp4`)).toBe(false)
    }
  })

  it('renders a slate, with a warning, for a picture that cannot be read or fetched', async () => {
    const plan = planAnimatic([panel('p1', 6, 'broken'), panel('p2', 6, 'unreachable')], noOverlays)
    const result = await render('slates.mp4', plan, noOverlays)
    // Pictures are prepared ahead, in parallel, so the warnings come in the order the reads finish.
    expect(result.warnings.sort()).toEqual([
      'The picture of Scene 1 · Shot 1A · panel 1 is not an image we can read, so a slate was rendered instead.',
      'The picture of Scene 1 · Shot 1A · panel 2 could not be fetched, so a slate was rendered instead.',
    ])
    const file = path.join(folder.dir, 'slates.mp4')
    expect((await inspectRender(file)).video.frames).toBe(12)
    expectColourNear(await pixelAt(file, 2, 40, 160), [31, 36, 48], 12)
    expectColourNear(await pixelAt(file, 9, 40, 160), [31, 36, 48], 12)
  })

  it('stops ffmpeg and removes the partial file when cancelled mid-render', async () => {
    const plan = planAnimatic([panel('p1', 240, 'red', { cameraMove: { kind: 'zoom-in' } }), panel('p2', 240, 'blue', { transitionIn: { kind: 'dissolve', durationFrames: 24 } })], noOverlays)
    const controller = new AbortController()
    let seen = 0
    const error = await render('cancelled.mp4', plan, noOverlays, {
      signal: controller.signal,
      onProgress: ({ framesDone }) => {
        seen = framesDone
        if (framesDone === 100) controller.abort(new Error('cancelled by the test'))
      },
    }).catch((caught: unknown) => caught)
    expect((error as Error).message).toBe('cancelled by the test')
    expect(seen).toBe(100)
    expect(await exists('cancelled.mp4')).toBe(false)
  })

  it('reports ffmpeg’s own error when the encode fails', async () => {
    const plan = planAnimatic([panel('p1', 6, 'red')], noOverlays)
    const error = await render('no-such-folder/out.mp4', plan, noOverlays).catch((caught: unknown) => caught)
    expect((error as Error).name).toBe('FfmpegError')
    expect((error as Error).message).toMatch(/No such file or directory/)
  })
})
