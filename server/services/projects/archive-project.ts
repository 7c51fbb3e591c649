import { and, eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { projects } from '@/db/schema'
import { insertActivity } from '@/db/queries/activity'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'

/**
 * Archives (archived: true) or restores (false) a project; editors and owners. Asking for the state the project is
 * already in is a no-op, so a double click writes one activity row, not two.
 */
export async function archiveProject(params: { actor: Actor | null; projectId: string; archived: boolean }): Promise<{ projectId: string }> {
  const actor = requireSignedIn(params.actor)
  const { workspaceId } = await requireRole(actor, { projectId: params.projectId }, 'editor')
  const db = await getDb()
  await db.transaction(async (tx) => {
    const scoped = and(eq(projects.id, params.projectId), eq(projects.workspaceId, workspaceId))
    const [current] = await tx.select({ name: projects.name, archivedAt: projects.archivedAt }).from(projects).where(scoped).for('update')
    if (!current || (current.archivedAt !== null) === params.archived) return
    await tx.update(projects).set({ archivedAt: params.archived ? new Date() : null }).where(scoped)
    await insertActivity(tx, {
      workspaceId,
      projectId: params.projectId,
      actorId: actor.userId,
      kind: params.archived ? 'project.archived' : 'project.unarchived',
      data: { name: current.name },
    })
  })
  return { projectId: params.projectId }
}
