import { and, eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { invitations } from '@/db/schema'
import { insertActivity } from '@/db/queries/activity'
import { AppError, notFound } from '@/lib/errors'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'

/** Owners only. Revoking twice is harmless; a link that was already used cannot be revoked (remove the member instead). */
export async function revokeInvitation(params: { actor: Actor | null; workspaceId: string; invitationId: string }): Promise<{ invitationId: string }> {
  const actor = requireSignedIn(params.actor)
  const { workspaceId } = await requireRole(actor, { workspaceId: params.workspaceId }, 'owner')
  const db = await getDb()
  await db.transaction(async (tx) => {
    const scoped = and(eq(invitations.id, params.invitationId), eq(invitations.workspaceId, workspaceId))
    const [invitation] = await tx.select().from(invitations).where(scoped).for('update')
    if (!invitation) throw notFound('That invitation')
    if (invitation.acceptedAt) {
      throw new AppError('CONFLICT', { userMessage: 'That invitation has already been used. To take access away, remove the member instead.' })
    }
    if (invitation.revokedAt) return
    await tx.update(invitations).set({ revokedAt: new Date() }).where(scoped)
    await insertActivity(tx, {
      workspaceId,
      actorId: actor.userId,
      kind: 'invitation.revoked',
      data: { invitationId: invitation.id, role: invitation.role, email: invitation.email },
    })
  })
  return { invitationId: params.invitationId }
}
