import { and, eq, sql } from 'drizzle-orm'
import type { Executor } from '@/db/queries/executor'
import { activity } from '@/db/schema'
import { notFound } from '@/lib/errors'

/** The activity written when an editor asks for a render; it is what ties a queue job to its project. */
export const animaticRenderRequestedActivity = 'animatic.render_requested'

/**
 * Job ids are not scoped by the queue, so a render's status or cancel first finds the request in the caller's
 * project: a job id from another project (or any other kind of job) is simply not found.
 */
export async function findRenderRequest(db: Executor, scope: { workspaceId: string; projectId: string }, jobId: string, kind = animaticRenderRequestedActivity) {
  const [row] = await db
    .select({ data: activity.data, createdAt: activity.createdAt })
    .from(activity)
    .where(
      and(
        eq(activity.workspaceId, scope.workspaceId),
        eq(activity.projectId, scope.projectId),
        eq(activity.kind, kind),
        sql`${activity.data}->>'jobId' = ${jobId}`,
      ),
    )
    .limit(1)
  return row ?? null
}

export async function requireRenderRequest(db: Executor, scope: { workspaceId: string; projectId: string }, jobId: string) {
  const row = await findRenderRequest(db, scope, jobId)
  if (!row) throw notFound('That render')
  return row
}
