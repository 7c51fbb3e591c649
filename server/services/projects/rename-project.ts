import { and, eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { projects } from '@/db/schema'
import { insertActivity } from '@/db/queries/activity'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'

/** Editors and owners. Renaming to the current name changes nothing and records nothing. */
export async function renameProject(params: { actor: Actor | null; projectId: string; name: string }): Promise<{ projectId: string }> {
  const actor = requireSignedIn(params.actor)
  const { workspaceId } = await requireRole(actor, { projectId: params.projectId }, 'editor')
  const db = await getDb()
  await db.transaction(async (tx) => {
    const scoped = and(eq(projects.id, params.projectId), eq(projects.workspaceId, workspaceId))
    const [current] = await tx.select({ name: projects.name }).from(projects).where(scoped).for('update')
    if (!current || current.name === params.name) return
    await tx.update(projects).set({ name: params.name }).where(scoped)
    await insertActivity(tx, {
      workspaceId,
      projectId: params.projectId,
      actorId: actor.userId,
      kind: 'project.renamed',
      data: { from: current.name, to: params.name },
    })
  })
  return { projectId: params.projectId }
}
