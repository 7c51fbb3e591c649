import { and, desc, eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { activity } from '@/db/schema'
import { isAppError } from '@/lib/errors'
import { isSettled } from '@/lib/jobs/job-status'
import { requireRole, type Actor } from '@/server/auth/require-role'
import { getJobStatus } from '@/server/jobs/queue'
import { animaticRenderRequestedActivity } from './find-render-request'

/**
 * The project's render that is still waiting or running, if any, so the page picks up its progress bar after a reload
 * or when a teammate started it. Only the latest request can be under way: there is one render per project at a time.
 */
export async function findActiveAnimaticRender(params: { actor: Actor | null; projectId: string }): Promise<{ jobId: string } | null> {
  const access = await requireRole(params.actor, { projectId: params.projectId }, 'editor')
  const db = await getDb()
  const [latest] = await db
    .select({ data: activity.data })
    .from(activity)
    .where(and(eq(activity.workspaceId, access.workspaceId), eq(activity.projectId, params.projectId), eq(activity.kind, animaticRenderRequestedActivity)))
    .orderBy(desc(activity.createdAt))
    .limit(1)
  const jobId = latest ? String(latest.data.jobId) : null
  if (!jobId) return null
  try {
    return isSettled((await getJobStatus(jobId)).state) ? null : { jobId }
  } catch (error) {
    // Finished jobs are pruned after a while; a pruned one is not under way.
    if (isAppError(error) && error.code === 'NOT_FOUND') return null
    throw error
  }
}
