import { AppError } from '@/lib/errors'
import type { AiConfig } from '@/server/ai/ai-config'
import { consumeRateLimit } from '@/server/services/rate-limit/consume-rate-limit'
import { reserveBudget } from '@/server/services/rate-limit/reserve-budget'

const minute = 60_000
const day = 24 * 60 * 60_000

/**
 * Counts one generation request against the workspace's per-minute limit and reserves its images from the daily
 * budget, all or nothing (both shared by every app instance), or refuses with RATE_LIMITED and when to come back. Counted before the provider
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
  // All or nothing: a 4-variation request the budget cannot cover must not burn what is left of it.
  const daily = await reserveBudget({ key: `ai:day:${workspaceId}`, limit: config.dailyImageBudget, amount: images, windowMs: day, now })
  if (!daily.allowed) {
    const hours = Math.max(1, Math.ceil(daily.retryAfterSeconds / 3600))
    const resetsIn = `resets in about ${hours} hour${hours === 1 ? '' : 's'}.`
    throw new AppError('RATE_LIMITED', {
      userMessage:
        daily.remaining === 0
          ? `This workspace has used its ${config.dailyImageBudget} generated images for today. The budget ${resetsIn}`
          : `This workspace has ${daily.remaining} of its ${config.dailyImageBudget} generated images left today, and this asks for ${images}. Ask for fewer variations, or wait: the budget ${resetsIn}`,
      details: { retryAfterSeconds: daily.retryAfterSeconds },
    })
  }
}
