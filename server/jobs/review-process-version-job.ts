import { isAppError } from '@/lib/errors'
import { createProcessVideoJob } from '@/server/media/transcode/process-video-job'
import { completeVersionProcessing, failVersionProcessing } from '@/server/services/review/complete-version-processing'
import { defineJob, type JobContext, type JobDefinition } from './define-job'
import { isJobInterruptedError } from './job-interrupted-error'

// The review-process-version job as the app runs it: the transcode job, with its result written onto the review
// versions of the original, and a failure that will not be retried written there too, with a reason a person can
// act on. Replaces the plain definition under the same name.

/**
 * A failure is final when no retry can help (the file's fault: an AppError such as "not a video", or a cancel) or
 * when this was the last attempt the queue will make.
 */
export function isFinalFailure(error: unknown, ctx: Pick<JobContext, 'attempt'>, retryLimit: number): boolean {
  if (isAppError(error)) return true
  if (isJobInterruptedError(error) && error.reason === 'cancelled') return true
  return ctx.attempt > retryLimit
}

export function failureReason(error: unknown): string {
  if (isAppError(error)) return error.userMessage
  if (isJobInterruptedError(error)) {
    if (error.reason === 'cancelled') return 'Processing was cancelled.'
    if (error.reason === 'expired') return 'Processing took longer than allowed and was stopped.'
  }
  return 'Processing stopped with an error. Retry; if it fails again, export the cut again and upload it as a new version.'
}

export function createReviewProcessVersionJob(
  overrides: Parameters<typeof createProcessVideoJob>[0] = {},
): JobDefinition<{ assetId: string; projectId: string }> {
  const base = createProcessVideoJob({
    ...overrides,
    onProcessed: async (result, input) => {
      await completeVersionProcessing({ projectId: input.projectId, assetId: input.assetId, media: result, filmstrip: result.filmstrip })
    },
  })
  return defineJob({
    ...base,
    async handler(input, ctx) {
      try {
        await base.handler(input, ctx)
      } catch (error) {
        // Once the signal is aborted, its reason says better than whatever the handler threw on the way out.
        const cause = ctx.signal.aborted ? ctx.signal.reason : error
        if (!isFinalFailure(cause, ctx, base.retryLimit)) throw error
        await failVersionProcessing({ projectId: input.projectId, assetId: input.assetId, message: failureReason(cause) })
        // The file's fault: it would fail the same way again, so the run ends here instead of waiting for a retry.
        if (isAppError(cause)) return
        throw error
      }
    },
  })
}

export const reviewProcessVersionJob = createReviewProcessVersionJob()
