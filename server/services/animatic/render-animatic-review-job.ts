import { disclosureMp4Metadata } from '@/lib/provenance/disclosure-media-metadata'
import { defineJob } from '@/server/jobs/define-job'
import { renderAnimaticInput, runRenderAnimatic, type RenderAnimaticInput, type RenderAnimaticJobOptions } from '@/server/media/animatic/render-animatic-job'
import { getProjectDisclosure } from '@/server/services/provenance/get-project-disclosure'
import { addRenderToReview, requesterActor } from './add-render-to-review'
import { storeDisclosureSidecar } from './store-disclosure-sidecar'

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
      // The project's AI disclosure as it stands when the render starts goes into the MP4's tags and, with the
      // finished file's hash, into a sidecar manifest beside it. Its animatic figures are those of the latest version
      // before this one: this render's are only known once it is in review.
      const report = await getProjectDisclosure({ actor: await requesterActor(input.requestedBy), projectId: input.projectId })
      await runRenderAnimatic(input, {
        tempRoot,
        encoder,
        metadata: disclosureMp4Metadata(report),
        signal: ctx.signal,
        reportProgress: ctx.reportProgress,
        onRendered: async (rendered) => {
          const sidecar = await storeDisclosureSidecar({ projectId: rendered.projectId, assetId: rendered.assetId, report })
          try {
            await addRenderToReview({ rendered, jobId: ctx.jobId })
          } catch (error) {
            // The job takes the MP4 back when this hook throws; its manifest goes with it.
            await sidecar.discard()
            throw error
          }
        },
      })
    },
  })
}

export const renderAnimaticReviewJob = createRenderAnimaticReviewJob()
