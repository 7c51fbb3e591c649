import { getDb } from '@/db'
import { isSettled } from '@/lib/jobs/job-status'
import { requireRole, type Actor } from '@/server/auth/require-role'
import { cancelJob, getJobStatus } from '@/server/jobs/queue'
import type { AnimaticRenderInput } from './animatic-render-schemas'
import { requireRenderRequest } from './find-render-request'

/** Editors stop a render: ffmpeg is stopped and the partial file removed by the job; a finished render stays. */
export async function cancelAnimaticRender(params: AnimaticRenderInput & { actor: Actor | null }): Promise<{ jobId: string }> {
  const access = await requireRole(params.actor, { projectId: params.projectId }, 'editor')
  await requireRenderRequest(await getDb(), { workspaceId: access.workspaceId, projectId: params.projectId }, params.jobId)
  // Cancelling a settled job would do nothing in pg-boss but report success; say what happened instead.
  if (!isSettled((await getJobStatus(params.jobId)).state)) await cancelJob(params.jobId)
  return { jobId: params.jobId }
}
