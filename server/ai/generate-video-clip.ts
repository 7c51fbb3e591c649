import { experimental_generateVideo as generateVideo } from 'ai'
import { AppError } from '@/lib/errors'
import { sniffVideoContainer, type VideoContainer } from '@/server/media/ffmpeg/sniff-video-container'
import type { AiConfig } from './ai-config'
import type { FetchFunction } from './allow-list-fetch'
import { createVideoModel } from './create-models'
import { toGenerationError } from './generation-error'

export interface GeneratedClip {
  bytes: Uint8Array
  container: VideoContainer
  provider: string
  modelId: string
  offline: boolean
  seed: number | null
  warnings: string[]
}

// Largest clip a provider may hand back; a panel's clip is seconds long.
const maxClipBytes = 512 * 1024 * 1024

/**
 * Image to video for one panel through the configured video model (the built-in offline motion by default):
 * `experimental_generateVideo` with retries and the time limit, downloads only through the allow-list, and the
 * answer sniffed as a real video container before anyone stores it. The caller (the AI animatic job) trims or pads
 * the clip to the panel's duration and records provenance with the panel's image as the parent asset.
 */
export async function generateVideoClip(params: {
  config: AiConfig
  image: Uint8Array
  prompt?: string
  seconds: number
  fps: number
  frame: { width: number; height: number }
  seed?: number
  signal?: AbortSignal
  fetch?: FetchFunction
}): Promise<GeneratedClip> {
  const { config } = params
  if ((params.prompt ?? '').length > config.maxPromptChars) {
    throw new AppError('BAD_REQUEST', { userMessage: `The prompt is too long: keep it to ${config.maxPromptChars} characters.` })
  }
  const { model, provider, modelId, offline, fetch } = createVideoModel(config, { fetch: params.fetch })
  let result
  try {
    result = await generateVideo({
      model,
      prompt: { image: params.image, text: params.prompt },
      duration: params.seconds,
      fps: params.fps,
      resolution: `${params.frame.width - (params.frame.width % 2)}x${params.frame.height - (params.frame.height % 2)}`,
      seed: params.seed,
      maxRetries: config.maxRetries,
      abortSignal: params.signal,
      // The SDK's default download would use the global fetch: a provider's URL must pass the allow-list too.
      download: async ({ url, abortSignal }) => {
        const response = await fetch(url, { signal: abortSignal })
        if (!response.ok) throw new AppError('UNAVAILABLE', { userMessage: `The video provider's file could not be downloaded (HTTP ${response.status}).` })
        const length = Number(response.headers.get('content-length') ?? 0)
        if (length > maxClipBytes) throw new AppError('UNAVAILABLE', { userMessage: 'The video provider sent back a file far larger than a panel clip.' })
        return { data: new Uint8Array(await response.arrayBuffer()), mediaType: response.headers.get('content-type') ?? undefined }
      },
    })
  } catch (error) {
    throw toGenerationError(error, { provider, signal: params.signal, timeoutMs: config.videoTimeoutMs })
  }
  const bytes = result.video.uint8Array
  const container = bytes.length <= maxClipBytes ? sniffVideoContainer(bytes.subarray(0, 16)) : null
  if (!container) {
    throw new AppError('UNAVAILABLE', { userMessage: 'The video provider sent back something that is not a video, so nothing was saved.', details: { provider } })
  }
  return {
    bytes,
    container,
    provider,
    modelId,
    offline,
    seed: params.seed ?? null,
    warnings: result.warnings.map((warning) => ('feature' in warning ? `${warning.type}: ${warning.feature}` : warning.message)),
  }
}
