import { getDb } from '@/db'
import { workspaces } from '@/db/schema'
import { insertActivity } from '@/db/queries/activity'
import type { Executor } from '@/db/queries/executor'
import { insertMembership } from '@/db/queries/memberships'
import { requireSignedIn, type Actor } from '@/server/auth/require-role'

/** Any signed-in user may start a workspace; they become its owner. */
export async function createWorkspace(params: { actor: Actor | null; name: string }): Promise<{ workspaceId: string }> {
  const actor = requireSignedIn(params.actor)
  const db = await getDb()
  const workspaceId = await db.transaction((tx) => insertWorkspaceWithOwner(tx, { ownerId: actor.userId, name: params.name, personal: false }))
  return { workspaceId }
}

/** Workspace + owner membership + activity row; the caller owns the transaction. */
export async function insertWorkspaceWithOwner(tx: Executor, params: { ownerId: string; name: string; personal: boolean }): Promise<string> {
  const [workspace] = await tx
    .insert(workspaces)
    .values({ name: params.name, personal: params.personal, createdBy: params.ownerId })
    .returning({ id: workspaces.id })
  if (!workspace) throw new Error('workspace insert returned no row')
  await insertMembership(tx, { workspaceId: workspace.id, userId: params.ownerId, role: 'owner' })
  await insertActivity(tx, {
    workspaceId: workspace.id,
    actorId: params.ownerId,
    kind: 'workspace.created',
    data: { name: params.name, personal: params.personal },
  })
  return workspace.id
}
