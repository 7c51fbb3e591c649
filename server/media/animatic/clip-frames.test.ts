import fs from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FfmpegError } from '@/server/media/ffmpeg'
import { makeClip, tempFolder } from '@/server/media/ffmpeg/testing/clips'
import { openClipFrames } from './clip-frames'

// A generated clip read back as a panel's frames with real ffmpeg: cut to the panel, padded by holding the last
// frame, fitted over white paper, and a clip that is not a video refused. No database: the PGlite project only.

let folder: Awaited<ReturnType<typeof tempFolder>>
let moving: string
beforeAll(async () => {
  folder = await tempFolder()
  // testsrc2 scrolls every frame, so consecutive frames differ; 4:3 against the animatic's 16:9.
  moving = await makeClip(path.join(folder.dir, 'moving.mp4'), { video: 'testsrc2=s=64x48:r=24:d=1' })
})
afterAll(() => folder.cleanup())

const rate = { numerator: 24, denominator: 1 }
const size = { width: 32, height: 18 }

async function readAll(file: string, frameCount: number, reads = frameCount) {
  const clip = openClipFrames({ path: file, ...size, rate, frameCount })
  const frames: Buffer[] = []
  try {
    for (let i = 0; i < reads; i++) frames.push(await clip.next())
  } finally {
    await clip.close()
  }
  return frames
}

const rgbaAt = (frame: Buffer, x: number, y: number) => [...frame.subarray((y * size.width + x) * 4, (y * size.width + x) * 4 + 4)]

describe.skipIf(process.env.STORYREEL_TEST_DB === 'postgres')('openClipFrames', () => {
  it('hands out RGBA frames at the output size that move from one to the next, cut to the panel', async () => {
    const frames = await readAll(moving, 10)
    expect(frames).toHaveLength(10)
    for (const frame of frames) expect(frame.length).toBe(size.width * size.height * 4)
    expect(frames[3]!.equals(frames[4]!)).toBe(false)
    // A 4:3 clip in a 16:9 frame is fitted whole: white paper at the sides, as a still panel is drawn.
    expect(rgbaAt(frames[0]!, 0, 9)).toEqual([255, 255, 255, 255])
    expect(rgbaAt(frames[0]!, 16, 9)).not.toEqual([255, 255, 255, 255])
  })

  it('holds the last frame when the clip is shorter than the panel', async () => {
    // 24 frames of clip for a 30-frame panel.
    const frames = await readAll(moving, 30)
    expect(frames).toHaveLength(30)
    expect(frames[22]!.equals(frames[23]!)).toBe(false)
    for (const frame of frames.slice(24)) expect(frame.equals(frames[23]!)).toBe(true)
  })

  it('resamples a clip at another rate to the animatic rate', async () => {
    const slow = await makeClip(path.join(folder.dir, 'slow.mp4'), { video: 'testsrc2=s=64x48:r=12:d=1' })
    const frames = await readAll(slow, 24)
    // 12 fps at 24 fps: every clip frame shows twice, and the clip still lasts the whole second (no hold at the end).
    expect(frames[0]!.equals(frames[1]!)).toBe(true)
    expect(frames[1]!.equals(frames[2]!)).toBe(false)
    expect(frames[21]!.equals(frames[23]!)).toBe(false)
  })

  it('refuses a file that is not a video with an ffmpeg error, and leaves no process behind', async () => {
    const notVideo = path.join(folder.dir, 'not-video.mp4')
    await fs.writeFile(notVideo, 'this is not a video')
    const clip = openClipFrames({ path: notVideo, ...size, rate, frameCount: 5 })
    await expect(clip.next()).rejects.toBeInstanceOf(FfmpegError)
    await clip.close()
  })

  it('stops early when the render is cancelled', async () => {
    const controller = new AbortController()
    const clip = openClipFrames({ path: moving, ...size, rate, frameCount: 24, signal: controller.signal })
    await clip.next()
    controller.abort(new Error('cancelled'))
    await expect(clip.next()).rejects.toThrow('cancelled')
    await clip.close()
  })
})
