import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { loadImage } from '@napi-rs/canvas'
import { experimental_generateVideo as generateVideo, generateImage } from 'ai'
import { describe, expect, it } from 'vitest'
import { aiConfigFromEnv } from '@/server/ai/ai-config'
import { generateImages } from '@/server/ai/generate-images'
import { generateVideoClip } from '@/server/ai/generate-video-clip'
import { probeMedia } from '@/server/media/ffmpeg'
import { offlineProvider } from './offline-provider'

const frame = { width: 640, height: 360 }
const offline = (prompt: string, seed: number, style: 'none' | 'storyboard-sketch' = 'none') =>
  generateImages({ config: aiConfigFromEnv({}), prompt, style, n: 1, seed, frame })

async function pixelsOf(png: Uint8Array) {
  const image = await loadImage(Buffer.from(png))
  const { createCanvas } = await import('@napi-rs/canvas')
  const canvas = createCanvas(image.width, image.height)
  const ctx = canvas.getContext('2d')
  ctx.drawImage(image, 0, 0)
  return ctx.getImageData(0, 0, image.width, image.height).data
}

function meanAbsoluteDifference(a: Uint8ClampedArray, b: Uint8ClampedArray): number {
  let sum = 0
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!)
  return sum / a.length
}

describe('the offline image model', () => {
  it('is the default and paints a valid PNG of the frame’s size, tagged as offline', async () => {
    const result = await offline('desert road at sunset', 7)
    expect(result).toMatchObject({ provider: 'offline', modelId: 'backdrop-1', offline: true, seed: 7, size: '640x360' })
    expect(result.images[0]).toMatchObject({ mime: 'image/png', width: 640, height: 360 })
  })

  it('gives the same pixels for the same prompt and seed', async () => {
    const [a, b] = await Promise.all([offline('city street at night, rain', 42), offline('city street at night, rain', 42)])
    expect(a.images[0]!.sha256).toBe(b.images[0]!.sha256)
  })

  it('paints a different picture for a different seed, and a clearly different one for a different prompt', async () => {
    const base = await pixelsOf((await offline('city street at night, rain', 42)).images[0]!.bytes)
    const otherSeed = await pixelsOf((await offline('city street at night, rain', 43)).images[0]!.bytes)
    const otherPrompt = await pixelsOf((await offline('sunny meadow at noon', 42)).images[0]!.bytes)
    expect(meanAbsoluteDifference(base, otherSeed)).toBeGreaterThan(1)
    // A night street and a sunny meadow differ in most of the frame, not in a few pixels.
    expect(meanAbsoluteDifference(base, otherPrompt)).toBeGreaterThan(40)
  })

  it('reads light from the prompt: night is darker than day', async () => {
    const mean = (pixels: Uint8ClampedArray) => pixels.reduce((sum, value, i) => (i % 4 === 3 ? sum : sum + value), 0) / ((pixels.length / 4) * 3)
    const night = mean(await pixelsOf((await offline('open fields at night', 1)).images[0]!.bytes))
    const day = mean(await pixelsOf((await offline('open fields at noon', 1)).images[0]!.bytes))
    expect(day - night).toBeGreaterThan(60)
  })

  it('makes variations with consecutive seeds, each reproducible on its own', async () => {
    const config = aiConfigFromEnv({})
    const four = await generateImages({ config, prompt: 'misty forest', style: 'none', n: 4, seed: 100, frame })
    expect(new Set(four.images.map((image) => image.sha256)).size).toBe(4)
    const third = await generateImages({ config, prompt: 'misty forest', style: 'none', n: 1, seed: 102, frame })
    expect(third.images[0]!.sha256).toBe(four.images[2]!.sha256)
  })

  it('draws the storyboard-sketch preset in greys', async () => {
    const pixels = await pixelsOf((await offline('desert at sunset', 3, 'storyboard-sketch')).images[0]!.bytes)
    for (let i = 0; i < pixels.length; i += 4 * 997) expect(pixels[i]).toBe(pixels[i + 1])
  })

  it('takes the requested size through the plain AI SDK call too', async () => {
    const { image } = await generateImage({ model: offlineProvider.imageModel('backdrop-1'), prompt: 'snowy mountains', size: '300x500', seed: 1 })
    const decoded = await loadImage(Buffer.from(image.uint8Array))
    expect([decoded.width, decoded.height]).toEqual([300, 500])
    expect(image.mediaType).toBe('image/png')
  })
})

describe('the offline video model', () => {
  it('moves a painted backdrop into an H.264 clip of the asked length and size', async () => {
    const { video } = await generateVideo({ model: offlineProvider.videoModel('motion-1'), prompt: 'city at dusk', resolution: '320x180', duration: 1, fps: 12, seed: 5 })
    expect(video.mediaType).toBe('video/mp4')
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'offline-video-test-'))
    try {
      const file = path.join(dir, 'clip.mp4')
      await fs.writeFile(file, video.uint8Array)
      const probe = await probeMedia(file)
      expect(probe.video).toMatchObject({ codec: 'h264', width: 320, height: 180, fps: { numerator: 12, denominator: 1 } })
      expect(probe.video?.frameCount).toBe(12)
    } finally {
      await fs.rm(dir, { recursive: true, force: true })
    }
  })

  it('animates a given image (image to video) and is deterministic for a seed', async () => {
    const still = (await offline('desert road at sunset', 9)).images[0]!.bytes
    const make = () => generateVideo({ model: offlineProvider.videoModel('motion-1'), prompt: { image: still }, duration: 0.5, fps: 8, seed: 11 })
    const [a, b] = await Promise.all([make(), make()])
    expect(Buffer.from(a.video.uint8Array).equals(Buffer.from(b.video.uint8Array))).toBe(true)
    expect(a.video.uint8Array.length).toBeGreaterThan(1000)
  })
})

describe('generateVideoClip with the default (offline) video model', () => {
  it('turns a panel image into an MP4 clip tagged as offline', async () => {
    const still = (await offline('harbour at night', 2)).images[0]!.bytes
    const clip = await generateVideoClip({ config: aiConfigFromEnv({}), image: still, seconds: 0.5, fps: 8, frame: { width: 321, height: 181 }, seed: 4 })
    expect(clip).toMatchObject({ container: 'mp4', provider: 'offline', modelId: 'motion-1', offline: true, seed: 4 })
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'offline-clip-test-'))
    try {
      const file = path.join(dir, 'clip.mp4')
      await fs.writeFile(file, clip.bytes)
      expect((await probeMedia(file)).video).toMatchObject({ width: 320, height: 180, frameCount: 4 })
    } finally {
      await fs.rm(dir, { recursive: true, force: true })
    }
  })
})
