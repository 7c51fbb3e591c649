import { disclosureMp4Metadata } from '@/lib/provenance/disclosure-media-metadata'
import { defineJob } from '@/server/jobs/define-job'
import { renderAnimaticInput, runRenderAnimatic, type RenderAnimaticInput, type RenderAnimaticJobOptions } from '@/server/media/animatic/render-animatic-job'
import { addRenderToReview, findRenderedVersion, requesterActor } from './add-render-to-review'
import { disclosureOfRender } from './render-disclosure'

// "Render animatic" from the app: the renderer's job with its result added to review before the job counts as done.
// A job of its own (rather than render-animatic with a hook) because the hook needs the job's id to record which
// version this render became, which is how the person waiting on the progress bar is led to it.

export const renderAnimaticReviewJobName = 'render-animatic-review'

export function createRenderAnimaticReviewJob(overrides: { name?: string; retryLimit?: number; leaseSeconds?: number } & Pick<RenderAnimaticJobOptions, 'tempRoot' | 'encoder'> = {}) {
  const { tempRoot, encoder, ...settings } = overrides
  return defineJob<RenderAnimaticInput>({
    name: renderAnimaticReviewJobName,
    // A board that failed fails the same way again, and someone is watching this progress bar: no retry after the
    // render's own failure (it would hold the project's one render slot while they wait to fix and re-render). A
    // worker lost mid-render is not the board's fault: that one retry starts at once on another worker.
    retryLimit: 1,
    retryHandlerFailures: false,
    retryDelaySeconds: 0,
    retryBackoff: false,
    // Renewed while the worker lives (server/jobs/renewed-lease.ts), so a dead worker's render moves on within about
    // half a minute plus the queue's maintenance interval; the two hours stay the longest one render may run.
    leaseSeconds: 30,
    expireInSeconds: 2 * 60 * 60,
    ...settings,
    input: renderAnimaticInput,
    async handler(input, ctx) {
      // The worker before this one may have died after adding its version but before the job was marked done:
      // the render is already in review, and a second version would be a duplicate.
      if (ctx.attempt > 1 && (await findRenderedVersion({ projectId: input.projectId, jobId: ctx.jobId }))) return
      await runRenderAnimatic(input, {
        tempRoot,
        encoder,
        // The AI disclosure as it will read with this render in review goes into the MP4's own tags.
        metadata: async (render) => disclosureMp4Metadata(await disclosureOfRender({ actor: await requesterActor(input.requestedBy), render })),
        signal: ctx.signal,
        reportProgress: ctx.reportProgress,
        onRendered: async (rendered) => void (await addRenderToReview({ rendered, jobId: ctx.jobId })),
      })
    },
  })
}

export const renderAnimaticReviewJob = createRenderAnimaticReviewJob()
