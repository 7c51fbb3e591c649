import { getDb } from '@/db'
import { insertActivity } from '@/db/queries/activity'
import { countOwners, findMembership, lockWorkspace, updateMembershipRole } from '@/db/queries/memberships'
import { findUserById } from '@/db/queries/users'
import { AppError, notFound } from '@/lib/errors'
import type { Role } from '@/lib/roles'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'

export const lastOwnerMessage = 'A workspace needs at least one owner. Make someone else an owner first.'

/** Owners only. The last owner cannot be demoted. */
export async function changeMemberRole(params: { actor: Actor | null; workspaceId: string; userId: string; role: Role }): Promise<{ userId: string; role: Role }> {
  const actor = requireSignedIn(params.actor)
  const { workspaceId } = await requireRole(actor, { workspaceId: params.workspaceId }, 'owner')
  const db = await getDb()
  await db.transaction(async (tx) => {
    await lockWorkspace(tx, workspaceId)
    // Re-checked under the lock: the caller may have been demoted a moment ago by another owner.
    if ((await findMembership(tx, workspaceId, actor.userId))?.role !== 'owner') {
      throw new AppError('FORBIDDEN', { userMessage: 'This needs owner access.' })
    }
    const target = await findMembership(tx, workspaceId, params.userId)
    if (!target) throw notFound('That member')
    if (target.role === params.role) return
    if (target.role === 'owner' && (await countOwners(tx, workspaceId)) <= 1) {
      throw new AppError('CONFLICT', { userMessage: lastOwnerMessage })
    }
    await updateMembershipRole(tx, workspaceId, params.userId, params.role)
    const user = await findUserById(tx, params.userId)
    await insertActivity(tx, {
      workspaceId,
      actorId: actor.userId,
      kind: 'member.role_changed',
      data: { userId: params.userId, name: user?.name ?? user?.email ?? null, from: target.role, to: params.role },
    })
  })
  return { userId: params.userId, role: params.role }
}
