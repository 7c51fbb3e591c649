// Which generator makes images and videos, written as "<provider>:<model>" in AI_IMAGE_MODEL / AI_VIDEO_MODEL.
// Pure so start-up validation and its tests need no network and no SDK.

export const offlineProviderId = 'offline'
export const offlineImageModelId = 'backdrop-1'
export const offlineVideoModelId = 'motion-1'
/** What the UI says instead of a model name when the built-in generator made something. */
export const offlineGeneratorLabel = 'Offline generator (procedural, no AI model)'

export const imageProviders = ['offline', 'openai', 'openai-compatible', 'fal', 'replicate'] as const
export const videoProviders = ['offline', 'fal'] as const
export type ImageProviderId = (typeof imageProviders)[number]
export type VideoProviderId = (typeof videoProviders)[number]

export interface ModelSpec<P extends string> {
  provider: P
  modelId: string
}

// Official OpenAI image models; a self-hosted server with other names goes through "openai-compatible".
const openAiImageModel = /^(dall-e-[23]|gpt-image-[0-9][a-z0-9.-]*|chatgpt-image-[a-z0-9.-]+)$/
// fal endpoints are paths ("fal-ai/flux/dev"); video models may also be the SDK's short names ("luma-ray-2").
const falModel = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/i
// Replicate: "owner/name" or "owner/name:<version hash>".
const replicateModel = /^[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*(:[a-f0-9]{6,128})?$/i
const anyModelName = /^[\w.:/@+-]{1,200}$/

const imageModelRules: Record<ImageProviderId, { test: (model: string) => boolean; expected: string }> = {
  offline: { test: (model) => model === offlineImageModelId, expected: `"${offlineImageModelId}"` },
  openai: { test: (model) => openAiImageModel.test(model), expected: 'an OpenAI image model such as "gpt-image-1" or "dall-e-3"' },
  'openai-compatible': { test: (model) => anyModelName.test(model), expected: 'the model name your server serves' },
  fal: { test: (model) => model.includes('/') && falModel.test(model), expected: 'a fal endpoint such as "fal-ai/flux/dev"' },
  replicate: { test: (model) => replicateModel.test(model), expected: 'a Replicate model such as "black-forest-labs/flux-schnell"' },
}

const videoModelRules: Record<VideoProviderId, { test: (model: string) => boolean; expected: string }> = {
  offline: { test: (model) => model === offlineVideoModelId, expected: `"${offlineVideoModelId}"` },
  fal: { test: (model) => falModel.test(model), expected: 'a fal video model such as "luma-ray-2"' },
}

export type ParsedSpec<P extends string> = { ok: true; spec: ModelSpec<P> } | { ok: false; message: string }

export function parseImageModelSpec(value: string): ParsedSpec<ImageProviderId> {
  return parseSpec(value, imageProviders, imageModelRules)
}

export function parseVideoModelSpec(value: string): ParsedSpec<VideoProviderId> {
  return parseSpec(value, videoProviders, videoModelRules)
}

function parseSpec<P extends string>(
  value: string,
  providers: readonly P[],
  rules: Record<P, { test: (model: string) => boolean; expected: string }>,
): ParsedSpec<P> {
  const trimmed = value.trim()
  const colon = trimmed.indexOf(':')
  const provider = (colon === -1 ? trimmed : trimmed.slice(0, colon)).toLowerCase()
  const modelId = colon === -1 ? '' : trimmed.slice(colon + 1).trim()
  if (!(providers as readonly string[]).includes(provider)) {
    return { ok: false, message: `unknown provider "${provider}" (write <provider>:<model>; providers: ${providers.join(', ')})` }
  }
  const rule = rules[provider as P]
  if (!modelId) return { ok: false, message: `no model after "${provider}:" (expected ${rule.expected})` }
  if (!rule.test(modelId)) return { ok: false, message: `unknown model "${modelId}" for ${provider} (expected ${rule.expected})` }
  return { ok: true, spec: { provider: provider as P, modelId } }
}
