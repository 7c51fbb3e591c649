import { and, desc, eq, isNull } from 'drizzle-orm'
import { getDb } from '@/db'
import { projects } from '@/db/schema'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'

export type ProjectRow = typeof projects.$inferSelect

/** A workspace's projects, newest first; archived ones only when asked for. */
export async function listProjects(params: { actor: Actor | null; workspaceId: string; includeArchived?: boolean }): Promise<ProjectRow[]> {
  const actor = requireSignedIn(params.actor)
  const { workspaceId } = await requireRole(actor, { workspaceId: params.workspaceId }, 'viewer')
  const db = await getDb()
  return db
    .select()
    .from(projects)
    .where(params.includeArchived ? eq(projects.workspaceId, workspaceId) : and(eq(projects.workspaceId, workspaceId), isNull(projects.archivedAt)))
    .orderBy(desc(projects.createdAt), desc(projects.id))
}
