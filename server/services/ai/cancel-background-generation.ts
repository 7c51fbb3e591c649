import { getDb } from '@/db'
import { isSettled } from '@/lib/jobs/job-status'
import { requireRole, type Actor } from '@/server/auth/require-role'
import { cancelJob, getJobStatus } from '@/server/jobs/queue'
import { findBackgroundGeneration } from './find-background-generation'

/**
 * Stops a "Generate background" request: the provider call is aborted and nothing it made is kept. Editors and
 * owners. Cancelling a request that has already finished changes nothing and is not an error (the click raced it).
 */
export async function cancelBackgroundGeneration(params: { actor: Actor | null; projectId: string; generationId: string }): Promise<{ cancelled: boolean }> {
  const { workspaceId } = await requireRole(params.actor, { projectId: params.projectId }, 'editor')
  const generation = await findBackgroundGeneration(await getDb(), { workspaceId, projectId: params.projectId }, params.generationId)
  if (!generation.jobId) return { cancelled: false }
  if (isSettled((await getJobStatus(generation.jobId)).state)) return { cancelled: false }
  await cancelJob(generation.jobId)
  return { cancelled: true }
}
