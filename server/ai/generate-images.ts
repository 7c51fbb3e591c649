import { randomInt } from 'node:crypto'
import { generateImage } from 'ai'
import { maxSeed, promptWithStyle, type StylePreset } from '@/lib/ai/background-request'
import { AppError } from '@/lib/errors'
import type { ImageMime } from '@/lib/media/image-types'
import { ImageInspector } from '@/server/media/image-inspector'
import { maxImageHeaderBytes, maxImagePixels } from '@/server/media/config'
import type { AiConfig } from './ai-config'
import type { FetchFunction } from './allow-list-fetch'
import { createImageModel } from './create-models'
import { toGenerationError } from './generation-error'
import { requestSizeFor } from './request-size'

export interface GeneratedImage {
  bytes: Uint8Array
  mime: ImageMime
  width: number
  height: number
  sha256: string
}

export interface ImageGeneration {
  images: GeneratedImage[]
  provider: string
  modelId: string
  /** Made by the built-in procedural generator, not a model: the UI must say so. */
  offline: boolean
  /** The prompt as sent (with the style preset's words for real models). */
  sentPrompt: string
  /** The seed the provider was given, or null when it takes none (then it would be a lie to record one). */
  seed: number | null
  negativePromptApplied: boolean
  size: string | null
  aspectRatio: string | null
  warnings: string[]
}

// A provider's image is untrusted input like an upload: checked by its bytes, within a generous size limit.
const generatedImageLimits = { maxBytes: 64 * 1024 * 1024, maxPixels: maxImagePixels, maxHeaderBytes: maxImageHeaderBytes }

/**
 * One call to the configured image model for `n` pictures shaped like the frame. Retries 429/5xx with backoff (the
 * SDK's, which honours Retry-After), stops at the request time limit, and checks that every answer is a complete
 * PNG/JPEG/WebP/GIF before anyone stores it. Throws AppError with a message for people.
 */
export async function generateImages(params: {
  config: AiConfig
  prompt: string
  negativePrompt?: string
  style: StylePreset
  n: number
  seed?: number
  frame: { width: number; height: number }
  signal?: AbortSignal
  /** Tests observe or replace the network underneath the allow-list. */
  fetch?: FetchFunction
}): Promise<ImageGeneration> {
  const { config } = params
  if (params.prompt.length > config.maxPromptChars) {
    throw new AppError('BAD_REQUEST', { userMessage: `The prompt is too long: keep it to ${config.maxPromptChars} characters (it has ${params.prompt.length}).` })
  }
  const { model, provider, modelId, offline } = createImageModel(config, { fetch: params.fetch })
  const sentPrompt = offline ? params.prompt : promptWithStyle(params.prompt, params.style)
  const seedTaken = provider !== 'openai' && provider !== 'openai-compatible'
  const seed = seedTaken ? (params.seed ?? randomInt(0, maxSeed)) : null
  const negativePromptApplied = Boolean(params.negativePrompt) && provider === 'replicate'
  const sizing = requestSizeFor(config.image, params.frame)

  let result
  try {
    result = await generateImage({
      model,
      prompt: sentPrompt,
      n: params.n,
      ...sizing,
      seed: seed ?? undefined,
      maxRetries: config.maxRetries,
      abortSignal: params.signal,
      providerOptions: {
        offline: { style: params.style },
        ...(negativePromptApplied ? { replicate: { negative_prompt: params.negativePrompt ?? null } } : {}),
      },
    })
  } catch (error) {
    throw toGenerationError(error, { provider, signal: params.signal, timeoutMs: config.requestTimeoutMs })
  }

  const images = result.images.map((file, index) => {
    try {
      const inspector = new ImageInspector(generatedImageLimits)
      inspector.inspect(file.uint8Array)
      const { mime, width, height, sha256 } = inspector.finish()
      return { bytes: file.uint8Array, mime, width, height, sha256 }
    } catch (error) {
      throw new AppError('UNAVAILABLE', {
        userMessage: `The image provider sent back something that is not a usable image (picture ${index + 1}), so nothing was saved.`,
        cause: error,
        details: { provider },
      })
    }
  })
  if (images.length === 0) throw new AppError('UNAVAILABLE', { userMessage: 'The image provider sent back no picture. Try again.' })

  const warnings = result.warnings.map((warning) => ('feature' in warning ? `${warning.type}: ${warning.feature}` : warning.message))
  if (params.negativePrompt && !negativePromptApplied) warnings.push('unsupported: negative prompt')
  return {
    images,
    provider,
    modelId,
    offline,
    sentPrompt,
    seed,
    negativePromptApplied,
    size: sizing.size ?? null,
    aspectRatio: sizing.aspectRatio ?? null,
    warnings,
  }
}
