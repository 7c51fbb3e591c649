import { eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { invitations } from '@/db/schema'
import { insertActivity } from '@/db/queries/activity'
import type { Executor } from '@/db/queries/executor'
import { findInvitationByTokenHash, invitationStatus } from '@/db/queries/invitations'
import { findMembership, insertMembership, lockWorkspace, updateMembershipRole } from '@/db/queries/memberships'
import { AppError } from '@/lib/errors'
import { roleAtLeast } from '@/lib/roles'
import { requireSignedIn, type Actor } from '@/server/auth/require-role'
import { hashInvitationToken, isWellFormedInvitationToken } from './invitation-token'

export interface AcceptedInvitation {
  workspaceId: string
  /** True when the caller was already a member with at least the invited role: nothing changed. */
  alreadyMember: boolean
}

/** Any signed-in user holding a valid link joins the workspace with the invited role. */
export async function acceptInvitation(params: { actor: Actor | null; token: string }): Promise<AcceptedInvitation> {
  const actor = requireSignedIn(params.actor)
  const db = await getDb()
  return db.transaction((tx) => acceptInvitationInTransaction(tx, { user: { id: actor.userId, name: actor.name, email: actor.email }, token: params.token }))
}

export const invalidInvitationMessage = 'This invitation link is not valid. Check that you copied the whole link, or ask for a new one.'

/**
 * The rules of accepting a link, inside the caller's transaction (sign-up uses it so a failed invitation leaves
 * no half-made account). The invitation row is locked, so two people racing for one link cannot both use it.
 */
export async function acceptInvitationInTransaction(
  tx: Executor,
  params: { user: { id: string; name: string | null; email: string }; token: string },
): Promise<AcceptedInvitation> {
  const { user } = params
  if (!isWellFormedInvitationToken(params.token)) throw new AppError('NOT_FOUND', { userMessage: invalidInvitationMessage })
  const invitation = await findInvitationByTokenHash(tx, hashInvitationToken(params.token), { forUpdate: true })
  if (!invitation) throw new AppError('NOT_FOUND', { userMessage: invalidInvitationMessage })
  const { workspaceId } = invitation

  const status = invitationStatus(invitation)
  if (status === 'accepted') {
    // Clicking your own used link again is not an error; anyone else's use of it is.
    if (invitation.acceptedBy === user.id && (await findMembership(tx, workspaceId, user.id))) return { workspaceId, alreadyMember: true }
    throw new AppError('GONE', { userMessage: 'This invitation has already been used. Ask the workspace owner for a new link.' })
  }
  if (status === 'revoked') {
    throw new AppError('GONE', { userMessage: 'This invitation was withdrawn by the workspace owner. Ask them for a new link.' })
  }
  if (status === 'expired') {
    throw new AppError('GONE', {
      userMessage: `This invitation expired on ${invitation.expiresAt.toISOString().slice(0, 10)}. Ask the workspace owner for a new link.`,
    })
  }
  if (invitation.email && invitation.email !== user.email.trim().toLowerCase()) {
    throw new AppError('FORBIDDEN', {
      userMessage: `This invitation is for ${invitation.email}. Sign in with that address to accept it.`,
    })
  }

  await lockWorkspace(tx, workspaceId)
  const existing = await findMembership(tx, workspaceId, user.id)
  // A member opening a link for a role they already have (or exceed) keeps their role and leaves the link unused.
  if (existing && roleAtLeast(existing.role, invitation.role)) return { workspaceId, alreadyMember: true }

  await tx.update(invitations).set({ acceptedAt: new Date(), acceptedBy: user.id }).where(eq(invitations.id, invitation.id))
  if (existing) {
    await updateMembershipRole(tx, workspaceId, user.id, invitation.role)
    await insertActivity(tx, {
      workspaceId,
      actorId: user.id,
      kind: 'member.role_changed',
      data: { userId: user.id, name: user.name ?? user.email, from: existing.role, to: invitation.role, invitationId: invitation.id },
    })
  } else {
    await insertMembership(tx, { workspaceId, userId: user.id, role: invitation.role })
    await insertActivity(tx, {
      workspaceId,
      actorId: user.id,
      kind: 'member.joined',
      data: { userId: user.id, name: user.name ?? user.email, role: invitation.role, invitationId: invitation.id },
    })
  }
  return { workspaceId, alreadyMember: false }
}
