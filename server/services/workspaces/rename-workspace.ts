import { eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { workspaces } from '@/db/schema'
import { insertActivity } from '@/db/queries/activity'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'

/** Owners only. Renaming to the current name changes nothing and records nothing. */
export async function renameWorkspace(params: { actor: Actor | null; workspaceId: string; name: string }): Promise<{ workspaceId: string }> {
  const actor = requireSignedIn(params.actor)
  const { workspaceId } = await requireRole(actor, { workspaceId: params.workspaceId }, 'owner')
  const db = await getDb()
  await db.transaction(async (tx) => {
    const [current] = await tx.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, workspaceId)).for('update')
    if (!current || current.name === params.name) return
    await tx.update(workspaces).set({ name: params.name }).where(eq(workspaces.id, workspaceId))
    await insertActivity(tx, {
      workspaceId,
      actorId: actor.userId,
      kind: 'workspace.renamed',
      data: { from: current.name, to: params.name },
    })
  })
  return { workspaceId }
}
