import { AppError } from '@/lib/errors'
import type { AiConfig } from '@/server/ai/ai-config'
import { consumeRateLimit } from '@/server/services/rate-limit/consume-rate-limit'

const minute = 60_000
const day = 24 * 60 * 60_000

/**
 * Counts one generation request against the workspace's per-minute limit and its images against the daily budget
 * (shared by every app instance), or refuses with RATE_LIMITED and when to come back. Counted before the provider
 * is called: a paid provider may bill a call that then fails, so failures use the allowance too.
 */
export async function consumeGenerationAllowance(params: { workspaceId: string; images: number; config: Pick<AiConfig, 'ratePerMinute' | 'dailyImageBudget'>; now?: Date }): Promise<void> {
  const { workspaceId, images, config, now } = params
  if (config.dailyImageBudget === 0) {
    throw new AppError('RATE_LIMITED', { userMessage: 'Image generation is turned off on this server (AI_DAILY_IMAGE_BUDGET is 0).' })
  }
  const perMinute = await consumeRateLimit({ key: `ai:minute:${workspaceId}`, limit: config.ratePerMinute, windowMs: minute, now })
  if (!perMinute.allowed) {
    throw new AppError('RATE_LIMITED', {
      userMessage: `This workspace has asked for ${config.ratePerMinute} generations in the last minute. Try again in ${perMinute.retryAfterSeconds} s.`,
      details: { retryAfterSeconds: perMinute.retryAfterSeconds },
    })
  }
  for (let i = 0; i < images; i++) {
    const daily = await consumeRateLimit({ key: `ai:day:${workspaceId}`, limit: config.dailyImageBudget, windowMs: day, now })
    if (!daily.allowed) {
      const hours = Math.max(1, Math.ceil(daily.retryAfterSeconds / 3600))
      throw new AppError('RATE_LIMITED', {
        userMessage: `This workspace has used its ${config.dailyImageBudget} generated images for today. The budget resets in about ${hours} hour${hours === 1 ? '' : 's'}.`,
        details: { retryAfterSeconds: daily.retryAfterSeconds },
      })
    }
  }
}
