import { and, desc, eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { activity, projects, users } from '@/db/schema'
import { notFound } from '@/lib/errors'
import { activityListLimit, type ActivityEntry } from '@/lib/schemas/activity'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'

export type { ActivityEntry }

/** A workspace's activity, or one project's when projectId is given; newest first. Any member may read it. */
export async function listActivity(params: { actor: Actor | null; workspaceId: string; projectId?: string; limit?: number }): Promise<ActivityEntry[]> {
  const actor = requireSignedIn(params.actor)
  const scope = params.projectId ? { projectId: params.projectId } : { workspaceId: params.workspaceId }
  const access = await requireRole(actor, scope, 'viewer')
  // A project id from another workspace than the one named must not widen or redirect the query.
  if (access.workspaceId !== params.workspaceId) throw notFound(params.projectId ? 'That project' : 'That workspace')
  const limit = Math.min(Math.max(1, Math.trunc(params.limit ?? activityListLimit.default)), activityListLimit.max)
  const db = await getDb()
  const rows = await db
    .select({
      id: activity.id,
      kind: activity.kind,
      actorName: users.name,
      actorEmail: users.email,
      projectId: activity.projectId,
      projectName: projects.name,
      data: activity.data,
      createdAt: activity.createdAt,
    })
    .from(activity)
    .leftJoin(users, eq(users.id, activity.actorId))
    .leftJoin(projects, eq(projects.id, activity.projectId))
    .where(
      params.projectId
        ? and(eq(activity.workspaceId, access.workspaceId), eq(activity.projectId, params.projectId))
        : eq(activity.workspaceId, access.workspaceId),
    )
    .orderBy(desc(activity.createdAt), desc(activity.id))
    .limit(limit)
  return rows.map(({ actorName, actorEmail, ...row }) => ({ ...row, actorName: actorName ?? actorEmail }))
}
