import { disclosureMp4Metadata } from '@/lib/provenance/disclosure-media-metadata'
import { defineJob } from '@/server/jobs/define-job'
import { renderAnimaticInput, runRenderAnimatic, type RenderAnimaticInput, type RenderAnimaticJobOptions } from '@/server/media/animatic/render-animatic-job'
import { addRenderToReview, requesterActor } from './add-render-to-review'
import { disclosureOfRender } from './render-disclosure'

// "Render animatic" from the app: the renderer's job with its result added to review before the job counts as done.
// A job of its own (rather than render-animatic with a hook) because the hook needs the job's id to record which
// version this render became, which is how the person waiting on the progress bar is led to it.

export const renderAnimaticReviewJobName = 'render-animatic-review'

export function createRenderAnimaticReviewJob(overrides: { name?: string; retryLimit?: number } & Pick<RenderAnimaticJobOptions, 'tempRoot' | 'encoder'> = {}) {
  const { tempRoot, encoder, ...settings } = overrides
  return defineJob<RenderAnimaticInput>({
    name: renderAnimaticReviewJobName,
    // No retry, unlike render-animatic: someone is watching this progress bar, and a board that failed fails the same
    // way again; a retry would hold the project's one render slot for its delay while they wait to fix and re-render.
    retryLimit: 0,
    retryDelaySeconds: 30,
    expireInSeconds: 2 * 60 * 60,
    ...settings,
    input: renderAnimaticInput,
    async handler(input, ctx) {
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
