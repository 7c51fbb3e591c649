import { z } from 'zod'
import {
  offlineImageModelId,
  offlineVideoModelId,
  parseImageModelSpec,
  parseVideoModelSpec,
  type ImageProviderId,
  type ModelSpec,
  type VideoProviderId,
} from '@/lib/ai/model-spec'
import { defaultMaxPromptChars } from '@/lib/ai/background-request'

// Generative-model settings. Validated at start-up through server/env.ts (aiEnvShape + checkAiEnv) and read again
// here, because actions and jobs run in the Next.js bundle, which does not share the custom server's parsed env.

const optionalString = z.string().trim().min(1).optional()
const whole = (min: number, max: number) => z.coerce.number().int().min(min).max(max)

export const aiEnvShape = {
  // "<provider>:<model>"; the built-in offline generator unless set.
  AI_IMAGE_MODEL: z.string().trim().min(1).default(`offline:${offlineImageModelId}`),
  AI_VIDEO_MODEL: z.string().trim().min(1).default(`offline:${offlineVideoModelId}`),
  OPENAI_API_KEY: optionalString,
  // An OpenAI-compatible server (self-hosted included); used by "openai:" and required by "openai-compatible:".
  OPENAI_BASE_URL: z.url().optional(),
  FAL_KEY: optionalString,
  REPLICATE_API_TOKEN: optionalString,
  // Extra hosts generation may reach (comma-separated, "*.example.com" allowed), e.g. a provider's new CDN.
  AI_ALLOWED_HOSTS: optionalString,
  AI_REQUEST_TIMEOUT_MS: whole(1000, 30 * 60_000).default(120_000),
  AI_VIDEO_TIMEOUT_MS: whole(1000, 60 * 60_000).default(600_000),
  AI_MAX_RETRIES: whole(0, 10).default(2),
  AI_MAX_PROMPT_CHARS: whole(1, 20_000).default(defaultMaxPromptChars),
  // Per workspace: generation requests a minute, and images a day (0 turns generation off).
  AI_RATE_LIMIT_PER_MINUTE: whole(1, 10_000).default(10),
  AI_DAILY_IMAGE_BUDGET: whole(0, 1_000_000).default(200),
  // Per workspace: generated video clips a day (AI animatic motion makes one per panel with a picture; 0 turns it off).
  AI_DAILY_VIDEO_BUDGET: whole(0, 1_000_000).default(100),
}

const aiEnvSchema = z.object(aiEnvShape)
type AiEnv = z.infer<typeof aiEnvSchema>

export interface AiConfig {
  image: ModelSpec<ImageProviderId>
  video: ModelSpec<VideoProviderId>
  openAiApiKey?: string
  openAiBaseUrl?: string
  falKey?: string
  replicateApiToken?: string
  /** Hosts outbound generation calls may reach; everything else is refused before a byte is sent. */
  allowedHosts: string[]
  requestTimeoutMs: number
  videoTimeoutMs: number
  maxRetries: number
  maxPromptChars: number
  ratePerMinute: number
  dailyImageBudget: number
  dailyVideoBudget: number
}

const providerHosts: Record<'openai' | 'fal' | 'replicate', string[]> = {
  openai: ['api.openai.com'],
  fal: ['fal.run', 'queue.fal.run', 'fal.media', '*.fal.media'],
  replicate: ['api.replicate.com', 'replicate.delivery', '*.replicate.delivery'],
}

/** Cross-field rules, reported against the variable a person has to change. */
export function checkAiEnv(env: AiEnv, addIssue: (variable: keyof AiEnv, message: string) => void): void {
  const image = parseImageModelSpec(env.AI_IMAGE_MODEL)
  if (!image.ok) addIssue('AI_IMAGE_MODEL', image.message)
  const video = parseVideoModelSpec(env.AI_VIDEO_MODEL)
  if (!video.ok) addIssue('AI_VIDEO_MODEL', video.message)
  const providers = new Set<string>([image.ok ? image.spec.provider : '', video.ok ? video.spec.provider : ''])
  const variable = (provider: string): keyof AiEnv => (image.ok && image.spec.provider === provider ? 'AI_IMAGE_MODEL' : 'AI_VIDEO_MODEL')
  if (providers.has('openai') && !env.OPENAI_API_KEY && !env.OPENAI_BASE_URL) {
    addIssue('OPENAI_API_KEY', `${variable('openai')} uses OpenAI: set OPENAI_API_KEY (or OPENAI_BASE_URL for a self-hosted server)`)
  }
  if (providers.has('openai-compatible') && !env.OPENAI_BASE_URL) {
    addIssue('OPENAI_BASE_URL', `${variable('openai-compatible')} uses an OpenAI-compatible server: set OPENAI_BASE_URL to its address (e.g. http://gpu-box:8000/v1)`)
  }
  if (providers.has('fal') && !env.FAL_KEY) addIssue('FAL_KEY', `${variable('fal')} uses fal: set FAL_KEY`)
  if (providers.has('replicate') && !env.REPLICATE_API_TOKEN) addIssue('REPLICATE_API_TOKEN', `${variable('replicate')} uses Replicate: set REPLICATE_API_TOKEN`)
  for (const host of splitHosts(env.AI_ALLOWED_HOSTS)) {
    if (!/^(\*\.)?[a-z0-9.-]+(:\d{1,5})?$/i.test(host)) addIssue('AI_ALLOWED_HOSTS', `"${host}" is not a host name (write e.g. cdn.example.com or *.example.com)`)
  }
}

export class AiConfigError extends Error {
  override name = 'AiConfigError'
}

/** The validated settings; throws AiConfigError naming each bad variable. */
export function aiConfigFromEnv(source: Record<string, string | undefined> = process.env): AiConfig {
  // An empty variable means "unset" in most deployment tools.
  const cleaned = Object.fromEntries(Object.keys(aiEnvShape).map((key) => [key, source[key] || undefined]))
  const parsed = aiEnvSchema.safeParse(cleaned)
  const problems: string[] = []
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.')}: ${issue.message}`)
  } else {
    checkAiEnv(parsed.data, (variable, message) => problems.push(`${variable}: ${message}`))
  }
  if (!parsed.success || problems.length > 0) throw new AiConfigError(`Invalid generative-model configuration:\n  ${problems.join('\n  ')}`)
  const env = parsed.data
  const image = parseImageModelSpec(env.AI_IMAGE_MODEL)
  const video = parseVideoModelSpec(env.AI_VIDEO_MODEL)
  if (!image.ok || !video.ok) throw new AiConfigError('unreachable: model specs were checked above')
  return {
    image: image.spec,
    video: video.spec,
    openAiApiKey: env.OPENAI_API_KEY,
    openAiBaseUrl: env.OPENAI_BASE_URL,
    falKey: env.FAL_KEY,
    replicateApiToken: env.REPLICATE_API_TOKEN,
    allowedHosts: allowedHostsFor(env, [image.spec.provider, video.spec.provider]),
    requestTimeoutMs: env.AI_REQUEST_TIMEOUT_MS,
    videoTimeoutMs: env.AI_VIDEO_TIMEOUT_MS,
    maxRetries: env.AI_MAX_RETRIES,
    maxPromptChars: env.AI_MAX_PROMPT_CHARS,
    ratePerMinute: env.AI_RATE_LIMIT_PER_MINUTE,
    dailyImageBudget: env.AI_DAILY_IMAGE_BUDGET,
    dailyVideoBudget: env.AI_DAILY_VIDEO_BUDGET,
  }
}

// Only the providers actually configured open their hosts: setting FAL_KEY alone opens nothing.
function allowedHostsFor(env: AiEnv, providers: string[]): string[] {
  const hosts = new Set<string>(splitHosts(env.AI_ALLOWED_HOSTS))
  for (const provider of new Set(providers)) {
    if (provider === 'openai' || provider === 'openai-compatible') {
      if (env.OPENAI_BASE_URL) hosts.add(new URL(env.OPENAI_BASE_URL).host.toLowerCase())
      else providerHosts.openai.forEach((host) => hosts.add(host))
    } else if (provider === 'fal' || provider === 'replicate') {
      providerHosts[provider].forEach((host) => hosts.add(host))
    }
  }
  return [...hosts]
}

function splitHosts(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean)
}
