import { offlineProviderId } from '@/lib/ai/model-spec'
import { aiConfigFromEnv, type AiConfig } from '@/server/ai/ai-config'

/** The video model AI motion would use, as the render card names it: the offline generator, or "fal · luma-ray-2". */
export interface MotionGeneratorView {
  offline: boolean
  label?: string
}

/**
 * What the Animatic page tells the render card about AI motion. Read from the server's settings (validated at
 * start-up), never from the client, so the card cannot claim a real model while the offline generator does the work.
 */
export function getMotionGenerator(config: Pick<AiConfig, 'video'> = aiConfigFromEnv()): MotionGeneratorView {
  const { provider, modelId } = config.video
  return provider === offlineProviderId ? { offline: true } : { offline: false, label: `${provider} · ${modelId}` }
}
