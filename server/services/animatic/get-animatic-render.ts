import { getDb } from '@/db'
import type { JobState } from '@/lib/jobs/job-status'
import { requireRole, type Actor } from '@/server/auth/require-role'
import { getJobStatus } from '@/server/jobs/queue'
import { animaticRenderedActivity, type AnimaticReviewVersion } from './add-render-to-review'
import type { AnimaticRenderInput } from './animatic-render-schemas'
import { findRenderRequest, requireRenderRequest } from './find-render-request'

export interface AnimaticRender {
  state: JobState
  /** 0…1 */
  progress: number
  label: string | null
  error: string | null
  /** The review version this render became, once it has. */
  version: AnimaticReviewVersion | null
}

/** How a render of this project is going, polled by the progress bar; the version it became once it is done. */
export async function getAnimaticRender(params: AnimaticRenderInput & { actor: Actor | null }): Promise<AnimaticRender> {
  const access = await requireRole(params.actor, { projectId: params.projectId }, 'editor')
  const scope = { workspaceId: access.workspaceId, projectId: params.projectId }
  const db = await getDb()
  await requireRenderRequest(db, scope, params.jobId)
  const job = await getJobStatus(params.jobId)
  const rendered = job.state === 'completed' ? await findRenderRequest(db, scope, params.jobId, animaticRenderedActivity) : null
  return {
    state: job.state,
    progress: job.progress,
    label: job.label,
    error: job.error,
    version: rendered ? versionOf(rendered.data) : null,
  }
}

function versionOf(data: Record<string, unknown>): AnimaticReviewVersion {
  return { reviewItemId: String(data.reviewItemId), versionId: String(data.versionId), number: Number(data.number) }
}
