import { AppError } from '@/lib/errors'
import type { AiConfig } from '@/server/ai/ai-config'
import { consumeRateLimit } from '@/server/services/rate-limit/consume-rate-limit'
import { reserveBudget } from '@/server/services/rate-limit/reserve-budget'

const minute = 60_000
const day = 24 * 60 * 60_000

/**
 * Counts one generation request against the workspace's per-minute limit (shared with image generation) and takes
 * `clips` generated video clips from its daily video budget, all or nothing, or refuses with RATE_LIMITED and what to
 * do instead. Asked before an AI animatic is queued, so a render the budget cannot cover never starts half-paid.
 */
export async function consumeVideoAllowance(params: { workspaceId: string; clips: number; config: Pick<AiConfig, 'ratePerMinute' | 'dailyVideoBudget'>; now?: Date }): Promise<void> {
  const { workspaceId, clips, config, now } = params
  if (config.dailyVideoBudget === 0) {
    throw new AppError('RATE_LIMITED', { userMessage: 'AI motion is turned off on this server (AI_DAILY_VIDEO_BUDGET is 0). Render with stills instead.' })
  }
  const perMinute = await consumeRateLimit({ key: `ai:minute:${workspaceId}`, limit: config.ratePerMinute, windowMs: minute, now })
  if (!perMinute.allowed) {
    throw new AppError('RATE_LIMITED', {
      userMessage: `This workspace has asked for ${config.ratePerMinute} generations in the last minute. Try again in ${perMinute.retryAfterSeconds} s.`,
      details: { retryAfterSeconds: perMinute.retryAfterSeconds },
    })
  }
  if (clips === 0) return
  const daily = await reserveBudget({ key: `ai:video-day:${workspaceId}`, limit: config.dailyVideoBudget, amount: clips, windowMs: day, now })
  if (!daily.allowed) {
    const hours = Math.max(1, Math.ceil(daily.retryAfterSeconds / 3600))
    throw new AppError('RATE_LIMITED', {
      userMessage:
        `AI motion needs ${clips} generated clip${clips === 1 ? '' : 's'} (one per panel with a picture), and this workspace has ${daily.remaining} of its ` +
        `${config.dailyVideoBudget} left today. Render with stills, or try again when the budget resets in about ${hours} hour${hours === 1 ? '' : 's'}.`,
      details: { retryAfterSeconds: daily.retryAfterSeconds, clips, remaining: daily.remaining },
    })
  }
}
