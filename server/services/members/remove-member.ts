import { getDb } from '@/db'
import { insertActivity } from '@/db/queries/activity'
import { countOwners, deleteMembership, findMembership, lockWorkspace } from '@/db/queries/memberships'
import { findUserById } from '@/db/queries/users'
import { AppError, notFound } from '@/lib/errors'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'
import { lastOwnerMessage } from './change-member-role'

/** Owners remove anyone; any member may remove themself (leave). The last owner can do neither. */
export async function removeMember(params: { actor: Actor | null; workspaceId: string; userId: string }): Promise<{ userId: string }> {
  const actor = requireSignedIn(params.actor)
  const leaving = params.userId === actor.userId
  const { workspaceId } = await requireRole(actor, { workspaceId: params.workspaceId }, leaving ? 'viewer' : 'owner')
  const db = await getDb()
  await db.transaction(async (tx) => {
    await lockWorkspace(tx, workspaceId)
    const callerRole = (await findMembership(tx, workspaceId, actor.userId))?.role
    if (!callerRole || (!leaving && callerRole !== 'owner')) throw new AppError('FORBIDDEN', { userMessage: 'This needs owner access.' })
    const target = await findMembership(tx, workspaceId, params.userId)
    if (!target) throw notFound('That member')
    if (target.role === 'owner' && (await countOwners(tx, workspaceId)) <= 1) {
      throw new AppError('CONFLICT', {
        userMessage: leaving ? 'You are the last owner. Make someone else an owner before you leave.' : lastOwnerMessage,
      })
    }
    await deleteMembership(tx, workspaceId, params.userId)
    const user = await findUserById(tx, params.userId)
    await insertActivity(tx, {
      workspaceId,
      actorId: actor.userId,
      kind: 'member.removed',
      data: { userId: params.userId, name: user?.name ?? user?.email ?? null, role: target.role, left: leaving },
    })
  })
  return { userId: params.userId }
}
