import type { ImageModelV3, ImageModelV3CallOptions, SharedV3Warning } from '@ai-sdk/provider'
import { offlineImageModelId, offlineProviderId } from '@/lib/ai/model-spec'
import { readPromptScene } from '@/lib/ai/prompt-scene'
import { hashString, seededRandom } from '@/lib/ai/seeded-random'
import { backdropSize } from './backdrop-size'
import { flattenBackdrop, paintBackdrop } from './paint-backdrop'

/** providerOptions.offline: the style preset decides how the plate is finished. */
export interface OfflineImageOptions {
  style?: string
}

/**
 * The built-in generator as an AI SDK image model: it paints a procedural background plate from the prompt's words,
 * the same pixels for the same prompt, seed and size. No network, no weights; its provider metadata says so, and the
 * UI names it "offline generator" rather than pretending a model drew it.
 */
export class OfflineImageModel implements ImageModelV3 {
  readonly specificationVersion = 'v3'
  readonly provider = offlineProviderId
  readonly modelId = offlineImageModelId
  readonly maxImagesPerCall = 4

  async doGenerate(options: ImageModelV3CallOptions): Promise<Awaited<ReturnType<ImageModelV3['doGenerate']>>> {
    const warnings: SharedV3Warning[] = []
    if (options.files?.length) warnings.push({ type: 'unsupported', feature: 'files', details: 'The offline generator paints from the prompt only.' })
    if (options.mask) warnings.push({ type: 'unsupported', feature: 'mask' })
    const prompt = options.prompt ?? ''
    const scene = readPromptScene(prompt)
    const { width, height } = backdropSize({ size: options.size, aspectRatio: options.aspectRatio })
    const style = (options.providerOptions?.offline as OfflineImageOptions | undefined)?.style
    const baseSeed = options.seed ?? hashString(prompt)
    const images: Uint8Array[] = []
    for (let i = 0; i < options.n; i++) {
      options.abortSignal?.throwIfAborted()
      // Variation i of seed s is seed s + i, so one variation can be re-made on its own from its recorded seed.
      const random = seededRandom(hashString(prompt, (baseSeed + i) >>> 0))
      const canvas = flattenBackdrop(paintBackdrop(scene, random, width, height), { greyscale: style === 'storyboard-sketch' })
      images.push(new Uint8Array(await canvas.encode('png')))
    }
    return {
      images,
      warnings,
      providerMetadata: { [offlineProviderId]: { images: images.map(() => ({ offline: true, scene: { time: scene.time, setting: scene.setting, weather: scene.weather, mood: scene.mood } })) } },
      response: { timestamp: new Date(), modelId: this.modelId, headers: undefined },
    }
  }
}
