import { createFal } from '@ai-sdk/fal'
import { createOpenAI } from '@ai-sdk/openai'
import { createOpenAICompatible } from '@ai-sdk/openai-compatible'
import type { Experimental_VideoModelV3, ImageModelV3 } from '@ai-sdk/provider'
import { createReplicate } from '@ai-sdk/replicate'
import { offlineImageModelId, offlineProviderId, offlineVideoModelId } from '@/lib/ai/model-spec'
import type { AiConfig } from './ai-config'
import { createAllowListFetch, type FetchFunction } from './allow-list-fetch'
import { offlineProvider } from './offline/offline-provider'

export interface ResolvedModel<M> {
  model: M
  /** As recorded in the provenance ledger. */
  provider: string
  modelId: string
  /** The built-in procedural generator, which the UI must name as such. */
  offline: boolean
}

/** The configured image model, wired to the allow-list fetch. `fetch` is for tests that need to observe calls. */
export function createImageModel(config: AiConfig, options: { fetch?: FetchFunction } = {}): ResolvedModel<ImageModelV3> {
  const { provider, modelId } = config.image
  const fetch = createAllowListFetch({ allowedHosts: config.allowedHosts, timeoutMs: config.requestTimeoutMs, fetch: options.fetch })
  const resolved = (model: ImageModelV3) => ({ model, provider, modelId, offline: provider === offlineProviderId })
  switch (provider) {
    case 'offline':
      // The spec parser admits only the offline model's own id.
      return resolved(offlineProvider.imageModel(offlineImageModelId))
    case 'openai':
      return resolved(createOpenAI({ apiKey: config.openAiApiKey ?? 'not-needed', baseURL: config.openAiBaseUrl, fetch }).image(modelId))
    case 'openai-compatible':
      if (!config.openAiBaseUrl) throw new Error('openai-compatible needs OPENAI_BASE_URL (checked at start-up)')
      return resolved(createOpenAICompatible({ name: 'openai-compatible', baseURL: config.openAiBaseUrl, apiKey: config.openAiApiKey, fetch }).imageModel(modelId))
    case 'fal':
      return resolved(createFal({ apiKey: config.falKey, fetch }).image(modelId))
    case 'replicate':
      return resolved(createReplicate({ apiToken: config.replicateApiToken, fetch }).image(modelId))
  }
}

export function createVideoModel(config: AiConfig, options: { fetch?: FetchFunction } = {}): ResolvedModel<Experimental_VideoModelV3> & { fetch: FetchFunction } {
  const { provider, modelId } = config.video
  const fetch = createAllowListFetch({ allowedHosts: config.allowedHosts, timeoutMs: config.videoTimeoutMs, fetch: options.fetch })
  switch (provider) {
    case 'offline':
      return { model: offlineProvider.videoModel(offlineVideoModelId), provider, modelId, offline: true, fetch }
    case 'fal':
      return { model: createFal({ apiKey: config.falKey, fetch }).video(modelId), provider, modelId, offline: false, fetch }
  }
}
