import { createCanvas, loadImage, type Canvas, type Image } from '@napi-rs/canvas'
import type { Experimental_VideoModelV3, Experimental_VideoModelV3CallOptions, Experimental_VideoModelV3File, SharedV3Warning } from '@ai-sdk/provider'
import { offlineProviderId, offlineVideoModelId } from '@/lib/ai/model-spec'
import { readPromptScene } from '@/lib/ai/prompt-scene'
import { hashString, seededRandom } from '@/lib/ai/seeded-random'
import { backdropSize } from './backdrop-size'
import { encodeFrames } from './encode-frames'
import { paintBackdrop } from './paint-backdrop'

const defaultSeconds = 3
const maxSeconds = 20
const defaultFps = 24

/**
 * The built-in "image to video": it moves a still rather than inventing motion. Given an image (a panel), a slow
 * eased push-in towards a point chosen by the seed; given only a prompt, the offline backdrop painted in two layers
 * that drift at different speeds (parallax). Deterministic for a seed; MP4 out.
 */
export class OfflineVideoModel implements Experimental_VideoModelV3 {
  readonly specificationVersion = 'v3'
  readonly provider = offlineProviderId
  readonly modelId = offlineVideoModelId
  readonly maxVideosPerCall = 1

  async doGenerate(options: Experimental_VideoModelV3CallOptions): Promise<Awaited<ReturnType<Experimental_VideoModelV3['doGenerate']>>> {
    const warnings: SharedV3Warning[] = []
    const seconds = Math.min(maxSeconds, Math.max(0.5, options.duration ?? defaultSeconds))
    if ((options.duration ?? 0) > maxSeconds) warnings.push({ type: 'other', message: `The offline generator makes clips of at most ${maxSeconds} s.` })
    const fps = Math.min(60, Math.max(1, Math.round(options.fps ?? defaultFps)))
    const aspectRatio = options.aspectRatio === 'adaptive' ? undefined : options.aspectRatio
    const source = options.image ?? options.frameImages?.find((frame) => frame.frameType === 'first_frame')?.image
    const prompt = options.prompt ?? ''
    const seed = options.seed ?? hashString(prompt)
    const random = seededRandom(hashString(prompt, seed >>> 0))

    let size = backdropSize({ size: options.resolution, aspectRatio })
    let layers: { canvas: Canvas | Image; zoom: number; drift: number }[]
    if (source) {
      const image = await loadImage(await fileBytes(source))
      if (!options.resolution && !aspectRatio) size = backdropSize({ size: `${image.width}x${image.height}` })
      layers = [{ canvas: image, zoom: 0.12, drift: random.range(-0.03, 0.03) }]
    } else {
      const painted = paintBackdrop(readPromptScene(prompt), random, size.width, size.height)
      layers = [
        { canvas: painted.back, zoom: 0.06, drift: 0.015 },
        { canvas: painted.front, zoom: 0.14, drift: 0.045 },
      ]
    }
    // Even sizes: yuv420p halves the chroma planes.
    const width = size.width - (size.width % 2)
    const height = size.height - (size.height % 2)
    const focusX = random.range(0.35, 0.65)
    const focusY = random.range(0.35, 0.6)
    const frame = createCanvas(width, height)
    const ctx = frame.getContext('2d')
    const frameCount = Math.max(1, Math.round(seconds * fps))

    const data = await encodeFrames({
      width,
      height,
      fps,
      frameCount,
      timeoutMs: 5 * 60_000,
      signal: options.abortSignal,
      drawFrame: (index) => {
        const t = frameCount === 1 ? 0 : easeInOut(index / (frameCount - 1))
        ctx.fillStyle = '#000000'
        ctx.fillRect(0, 0, width, height)
        for (const layer of layers) {
          // Cover the frame, then scale about the focus point and drift sideways.
          const cover = Math.max(width / layer.canvas.width, height / layer.canvas.height) * (1 + layer.drift * 2)
          const scale = cover * (1 + layer.zoom * t)
          const drawnWidth = layer.canvas.width * scale
          const drawnHeight = layer.canvas.height * scale
          const x = focusX * width - focusX * drawnWidth - layer.drift * width * (t - 0.5) * 2
          const y = focusY * height - focusY * drawnHeight
          ctx.drawImage(layer.canvas, x, y, drawnWidth, drawnHeight)
        }
        const { data } = ctx.getImageData(0, 0, width, height)
        return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      },
    })
    return {
      videos: [{ type: 'binary', data, mediaType: 'video/mp4' }],
      warnings,
      providerMetadata: { [offlineProviderId]: { offline: true, width, height, fps, frames: frameCount } },
      response: { timestamp: new Date(), modelId: this.modelId, headers: undefined },
    }
  }
}

const easeInOut = (t: number) => t * t * (3 - 2 * t)

async function fileBytes(file: Experimental_VideoModelV3File): Promise<Buffer> {
  if (file.type === 'url') throw new Error('The offline generator takes the image itself, not a URL.')
  return typeof file.data === 'string' ? Buffer.from(file.data, 'base64') : Buffer.from(file.data)
}
